/**
 * Agency API keys: `npm run agency -- <command>`
 *
 *   create-key <agencyId> [--label <text>] [--events <type>,<type>]   prints the new key once
 *   list                                                              every key, without secrets
 *   revoke <keyId>                                                    the key stops working at once
 *
 * Uses the database of the configuration (DATA_DIR or DATABASE_URL, as `npm start`). The embedded
 * database is one process's: stop the server first, or use DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { AGENCY_EVENT_TYPES } from '../src/server/agency/handlers';
import { createAgencyKey, listAgencyKeys, revokeAgencyKey } from '../src/server/agency/keys';
import { loadConfig } from '../src/server/config';
import { createLogger } from '../src/server/log';
import { prepareDatabase } from '../src/server/start';

const USAGE = `Usage:
  npm run agency -- create-key <agencyId> [--label <text>] [--events ${AGENCY_EVENT_TYPES.join(',')}]
  npm run agency -- list
  npm run agency -- revoke <keyId>`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { label: { type: 'string' }, events: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const [command, arg] = positionals;
if (values.help || !command) fail('Manage the API keys of agencies’ systems.');
if (!['create-key', 'list', 'revoke'].includes(command)) fail(`Unknown command ${command}`);
if (command !== 'list' && !arg) fail(`${command} needs an argument`);

const scopes = values.events
  ? values.events
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : AGENCY_EVENT_TYPES;
const unknown = scopes.filter((s) => !AGENCY_EVENT_TYPES.includes(s));
if (unknown.length) fail(`Unknown event type ${unknown.join(', ')}; known: ${AGENCY_EVENT_TYPES.join(', ')}`);

const db = await prepareDatabase(loadConfig(), createLogger('warn'));
try {
  if (command === 'create-key') {
    const { rows } = await db.query('SELECT 1 FROM agencies WHERE id = $1', [arg]);
    if (rows.length === 0) {
      const { rows: all } = await db.query<{ id: string }>('SELECT id FROM agencies ORDER BY id');
      fail(`No agency ${arg}; agencies: ${all.map((a) => a.id).join(', ')}`);
    }
    const { id, key } = await createAgencyKey(db, arg, { label: values.label, scopes });
    process.stdout.write(
      `Key ${id} for ${arg} (${scopes.join(', ')}).\nIt is shown only now; keep it secret:\n\n${key}\n`,
    );
  } else if (command === 'list') {
    const keys = await listAgencyKeys(db);
    if (keys.length === 0) process.stdout.write('No keys.\n');
    for (const k of keys) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'active';
      process.stdout.write(
        `${k.id}  ${k.agencyId}  ${state}  events=${k.scopes.join(',')}  created=${k.createdAt}  last used=${k.lastUsedAt ?? 'never'}${k.label ? `  "${k.label}"` : ''}\n`,
      );
    }
  } else {
    if (!(await revokeAgencyKey(db, arg))) fail(`No active key ${arg}`);
    process.stdout.write(`Key ${arg} revoked.\n`);
  }
} finally {
  await db.close();
}
