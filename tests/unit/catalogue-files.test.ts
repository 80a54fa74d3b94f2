import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_DIR, catalogueJsonSchemas, loadCatalogue } from '../../src/server/seed/catalogue';

describe('catalogue files', () => {
  let copy: string | undefined;
  afterEach(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
    copy = undefined;
  });
  const copyCatalogue = () => {
    copy = mkdtempSync(join(tmpdir(), 'catalogue-'));
    cpSync(CATALOGUE_DIR, copy, { recursive: true });
    return copy;
  };
  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    change(json);
    writeFileSync(file, JSON.stringify(json));
  };

  it('one file per life event, in the order catalogue.json gives', () => {
    const { lifeEvents } = JSON.parse(readFileSync(join(CATALOGUE_DIR, 'catalogue.json'), 'utf8'));
    expect(loadCatalogue().eventServices.map((es) => es.id)).toEqual(lifeEvents);
  });

  it('refuses a life event with a text missing in one language, and names the file', () => {
    const dir = copyCatalogue();
    const file = join(dir, 'life-events', 'marriage.json');
    edit(file, (json) => {
      delete (json.name as Record<string, string>).uk;
    });
    expect(() => loadCatalogue(dir)).toThrow(/marriage\.json[\s\S]*uk/);
  });

  it('refuses a file that is not listed, a listed one that is missing, and an unknown agency', () => {
    const dir = copyCatalogue();
    cpSync(join(dir, 'life-events', 'marriage.json'), join(dir, 'life-events', 'wedding.json'));
    expect(() => loadCatalogue(dir)).toThrow(/wedding\.json/);
    rmSync(join(dir, 'life-events', 'wedding.json'));
    rmSync(join(dir, 'life-events', 'divorce.json'));
    expect(() => loadCatalogue(dir)).toThrow(/divorce\.json/);
    cpSync(join(CATALOGUE_DIR, 'life-events', 'divorce.json'), join(dir, 'life-events', 'divorce.json'));
    edit(join(dir, 'life-events', 'divorce.json'), (json) => {
      json.ownerAgencyId = 'nobody';
    });
    expect(() => loadCatalogue(dir)).toThrow(/unknown owner agency nobody/);
  });

  it('ships the JSON Schemas the contract makes (npm run catalogue -- --write)', () => {
    for (const [name, schema] of Object.entries(catalogueJsonSchemas())) {
      expect(JSON.parse(readFileSync(join(CATALOGUE_DIR, 'schema', name), 'utf8')), name).toEqual(schema);
    }
  });
});
