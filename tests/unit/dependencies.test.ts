import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, type LayerRules, layerViolations } from '../support/import-graph';

/**
 * The rooms of src/ and which way their imports may point: app → features → ui → data → contract on
 * the client, server → contract, and no circles anywhere. A back-arrow (a feature importing the shell,
 * data importing a screen, the server importing client code) fails here.
 */
const RULES: LayerRules = {
  main: ['app', 'ui', 'data', 'i18n'],
  app: ['features', 'ui', 'data', 'i18n', 'contract'],
  features: ['ui', 'data', 'i18n', 'contract'],
  ui: ['data', 'i18n', 'contract'],
  data: ['contract'],
  i18n: ['contract'],
  sw: ['contract'],
  server: ['contract'],
  contract: [],
};

describe('dependency rules', () => {
  const src = importGraph(resolve(import.meta.dirname, '../../src'));

  it('reads the imports of src/', () => {
    expect(src.size).toBeGreaterThan(100);
    expect(src.get('features/offers/Offers.tsx')).toContain('ui/Page.tsx');
  });

  it('has no back-arrow between rooms', () => {
    expect(layerViolations(src, RULES)).toEqual([]);
  });

  it('has no import circle', () => {
    expect(cycles(src)).toEqual([]);
  });

  it('finds a planted back-arrow and a planted circle', () => {
    const planted = importGraph(resolve(import.meta.dirname, '../fixtures/back-arrow'));
    expect(layerViolations(planted, RULES)).toEqual(['features/offers/Offers.ts -> app/Shell.ts']);
    expect(cycles(planted)).toEqual(
      expect.arrayContaining([
        ['ui/Page.ts', 'ui/icons.ts'],
        ['app/Shell.ts', 'features/offers/Offers.ts'],
      ]),
    );
  });
});
