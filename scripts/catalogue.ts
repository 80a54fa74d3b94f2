import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_DIR, catalogueJsonSchemas, loadCatalogue } from '../src/server/seed/catalogue';

/**
 * Checks catalogue/ against the contract's schemas (run before every build) and that the JSON Schemas
 * in catalogue/schema/ are the ones the contract makes; `--write` writes them anew.
 */
const write = process.argv.includes('--write');
const catalogue = loadCatalogue();
const stale: string[] = [];
for (const [name, schema] of Object.entries(catalogueJsonSchemas())) {
  const file = join(CATALOGUE_DIR, 'schema', name);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (write) writeFileSync(file, text);
  else if (readFileSync(file, 'utf8') !== text) stale.push(file);
}
if (stale.length) {
  console.error(`catalogue: out of date: ${stale.join(', ')} (npm run catalogue -- --write)`);
  process.exit(1);
}
console.log(`catalogue: ${catalogue.eventServices.length} life events, ${catalogue.agencies.length} agencies: valid`);
