import { parsePersonalCode } from '../../contract/isikukood';
import type { Lang } from '../../contract/langs';
import {
  DEFAULT_PUSH,
  type ProfileRow,
  PushPreferences,
  QuietHoursSchema,
  type SettingsRow,
  type SettingsUpdate,
} from '../../contract/person';
import type { Queryable } from '../db/database';
import { DEFAULT_QUIET_HOURS } from '../push/quiet-hours';
import { recordChange } from '../sync/changes';

interface PersonDbRow {
  id: string;
  personal_code: string;
  given_name: string;
  family_name: string;
  preferred_language: Lang;
  settings: Record<string, unknown> | null;
  birth_date: string | null;
}

/**
 * The birth date the population register gave (facts), else the one the personal code encodes. Demo people's
 * codes encode a day before 1850 that no living person has (see README), so theirs come from their facts.
 */
export async function birthDateOf(tx: Queryable, personId: string, personalCode: string): Promise<string> {
  const { rows } = await tx.query<{ birth_date: string | null }>(
    `SELECT facts->>'birthDate' AS birth_date FROM persons WHERE id = $1`,
    [personId],
  );
  return rows[0]?.birth_date || (parsePersonalCode(personalCode)?.birthDate ?? '');
}

async function loadPerson(tx: Queryable, personId: string): Promise<PersonDbRow> {
  const { rows } = await tx.query<PersonDbRow>(
    `SELECT p.id, p.personal_code, p.given_name, p.family_name, p.preferred_language, s.settings,
       p.facts->>'birthDate' AS birth_date
     FROM persons p LEFT JOIN person_settings s ON s.person_id = p.id WHERE p.id = $1`,
    [personId],
  );
  if (!rows[0]) throw new Error(`no person ${personId}`);
  return rows[0];
}

/** The stored settings with defaults for anything never set (or stored in an older shape). */
function settingsRow(person: PersonDbRow): SettingsRow {
  const stored = person.settings ?? {};
  const push = PushPreferences.partial().safeParse(stored.push);
  const quiet = QuietHoursSchema.safeParse(stored.quietHours);
  return {
    id: 'settings',
    language: person.preferred_language,
    push: { ...DEFAULT_PUSH, ...(push.success ? push.data : {}) },
    quietHours: 'quietHours' in stored && quiet.success ? quiet.data : DEFAULT_QUIET_HOURS,
  };
}

export async function loadSettings(tx: Queryable, personId: string): Promise<SettingsRow> {
  return settingsRow(await loadPerson(tx, personId));
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
      birthDate: person.birth_date || (parsePersonalCode(person.personal_code)?.birthDate ?? ''),
    };
    await recordChange(tx, personId, 'profile', 'me', profile);
  }
  if (!present.has('settings')) await recordChange(tx, personId, 'settings', 'settings', settingsRow(person));
}

export async function updateSettings(tx: Queryable, personId: string, update: SettingsUpdate): Promise<SettingsRow> {
  const current = settingsRow(await loadPerson(tx, personId));
  if (update.language) {
    await tx.query('UPDATE persons SET preferred_language = $2 WHERE id = $1', [personId, update.language]);
  }
  const stored = {
    push: { ...current.push, ...update.push },
    quietHours: update.quietHours === undefined ? current.quietHours : update.quietHours,
  };
  await tx.query(
    `INSERT INTO person_settings (person_id, settings) VALUES ($1, $2)
     ON CONFLICT (person_id) DO UPDATE SET settings = excluded.settings, updated_at = now()`,
    [personId, stored],
  );
  const row = settingsRow(await loadPerson(tx, personId));
  await recordChange(tx, personId, 'settings', 'settings', row);
  return row;
}
