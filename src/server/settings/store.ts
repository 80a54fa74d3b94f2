import { parsePersonalCode } from '../../contract/isikukood';
import type { Lang } from '../../contract/langs';
import type { ProfileRow, SettingsRow, SettingsUpdate } from '../../contract/person';
import type { Queryable } from '../db/database';
import { recordChange } from '../sync/changes';

interface PersonDbRow {
  id: string;
  personal_code: string;
  given_name: string;
  family_name: string;
  preferred_language: Lang;
}

async function loadPerson(tx: Queryable, personId: string): Promise<PersonDbRow> {
  const { rows } = await tx.query<PersonDbRow>(
    'SELECT id, personal_code, given_name, family_name, preferred_language FROM persons WHERE id = $1',
    [personId],
  );
  if (!rows[0]) throw new Error(`no person ${personId}`);
  return rows[0];
}

function settingsRow(person: PersonDbRow): SettingsRow {
  return { id: 'settings', language: person.preferred_language };
}

/** Puts the person's profile and settings rows in their change log, if they are not there yet. */
export async function ensureBaseRows(tx: Queryable, personId: string): Promise<void> {
  const { rows } = await tx.query<{ entity: string }>(
    `SELECT entity FROM person_changes WHERE person_id = $1 AND entity IN ('profile', 'settings')`,
    [personId],
  );
  const present = new Set(rows.map((r) => r.entity));
  if (present.size === 2) return;
  const person = await loadPerson(tx, personId);
  if (!present.has('profile')) {
    const profile: ProfileRow = {
      id: 'me',
      personId: person.id,
      givenName: person.given_name,
      familyName: person.family_name,
      personalCode: person.personal_code,
      birthDate: parsePersonalCode(person.personal_code)?.birthDate ?? '',
    };
    await recordChange(tx, personId, 'profile', 'me', profile);
  }
  if (!present.has('settings')) await recordChange(tx, personId, 'settings', 'settings', settingsRow(person));
}

export async function updateSettings(tx: Queryable, personId: string, update: SettingsUpdate): Promise<SettingsRow> {
  if (update.language) {
    await tx.query('UPDATE persons SET preferred_language = $2 WHERE id = $1', [personId, update.language]);
  }
  const row = settingsRow(await loadPerson(tx, personId));
  await recordChange(tx, personId, 'settings', 'settings', row);
  return row;
}
