import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Agency, Catalogue, EventService } from '../../contract/catalogue';

/**
 * The service catalogue is data: catalogue/catalogue.json (the agencies and the order of the life
 * events) and one file per life event in catalogue/life-events/, every text in four languages. They
 * are checked against the contract's schemas at build (scripts/catalogue.ts) and at every start.
 */
export const CATALOGUE_DIR = join(import.meta.dirname, '../../../catalogue');

const CatalogueIndex = z.object({ agencies: z.array(Agency), lifeEvents: z.array(z.string()).min(1) });

/** Reads and checks the catalogue; an error names the file and what is wrong in it. */
export function loadCatalogue(dir = CATALOGUE_DIR): Catalogue {
  const index = parseFile(join(dir, 'catalogue.json'), CatalogueIndex);
  const files = readdirSync(join(dir, 'life-events')).filter((name) => name.endsWith('.json'));
  const listed = new Set(index.lifeEvents.map((id) => `${id}.json`));
  const unlisted = files.filter((name) => !listed.has(name));
  if (unlisted.length)
    throw new Error(`catalogue: life-events/${unlisted.join(', ')} not in catalogue.json's lifeEvents`);
  const eventServices = index.lifeEvents.map((id) => {
    const file = join(dir, 'life-events', `${id}.json`);
    const eventService = parseFile(file, EventService);
    if (eventService.id !== id) throw new Error(`catalogue: ${file} has id ${eventService.id}`);
    return eventService;
  });
  const catalogue = Catalogue.safeParse({ agencies: index.agencies, eventServices });
  if (!catalogue.success) throw new Error(`catalogue: ${z.prettifyError(catalogue.error)}`);
  return catalogue.data;
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`catalogue: ${file}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`catalogue: ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** JSON Schemas of the two kinds of file, generated from the contract, for editors (`$schema` in each file). */
export function catalogueJsonSchemas(): Record<string, unknown> {
  const withSchemaKey = (schema: z.ZodObject) => schema.extend({ $schema: z.string().optional() });
  return {
    'catalogue.schema.json': z.toJSONSchema(withSchemaKey(CatalogueIndex)),
    'life-event.schema.json': z.toJSONSchema(withSchemaKey(EventService)),
  };
}
