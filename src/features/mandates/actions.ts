import type { Localized } from '../../contract/i18n';
import { LANGS } from '../../contract/langs';
import type { MandateGrantPayload, MandateRow } from '../../contract/mandates';
import type { MinuRiikDb } from '../../data/db';
import { enqueue } from '../../data/outbox';

/**
 * Authorisations the person gives, revokes or declines. Nothing changes on the device before the server
 * has applied it: the authorisation shows "ootel" (pending) from its outbox entry and the server's row
 * arrives by sync. Offline: queued and sent later. Refused: the entry goes and the screen says why.
 * Always the signed-in person's own database: mandates are never done for someone else.
 */

/** A name or a code reads the same in every language. */
const same = (text: string): Localized => Object.fromEntries(LANGS.map((lang) => [lang, text])) as Localized;

const ref = (mandateId: string) => ({ table: 'mandates', id: mandateId });

/** `mandate.grant`, for a payload checked by checkGrant. */
export const grantAuthorisation = (db: MinuRiikDb, grant: MandateGrantPayload) =>
  enqueue(db, {
    type: 'mandate.grant',
    payload: grant,
    touches: [],
    apply: async () => undefined,
    about: ref(grant.mandateId),
    label: same(grant.personalCode),
  });

/** `mandate.revoke` (an authorisation the person gave) or `mandate.decline` (one given to them). */
export const endAuthorisation = (db: MinuRiikDb, mandate: MandateRow) =>
  enqueue(db, {
    type: mandate.role === 'subject' ? 'mandate.revoke' : 'mandate.decline',
    payload: { mandateId: mandate.id },
    touches: [],
    apply: async () => undefined,
    about: ref(mandate.id),
    label: same(`${mandate.person.givenName} ${mandate.person.familyName}`),
  });
