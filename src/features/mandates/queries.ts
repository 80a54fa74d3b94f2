import { type MandateRow, mandateHolds } from '../../contract/mandates';
import type { OutboxEntry } from '../../data/db';
import { createLiveQuery } from '../../data/live';
import { REJECTIONS_KEY, type Rejection } from '../../data/sync';

/** Those that hold first (soonest end first), then the ended ones, latest first. */
export function inListOrder(mandates: MandateRow[], today: string): MandateRow[] {
  const holding = mandates
    .filter((m) => mandateHolds(m, today))
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  const ended = mandates
    .filter((m) => !mandateHolds(m, today))
    .sort((a, b) => (b.endedAt ?? b.validUntil).localeCompare(a.endedAt ?? a.validUntil));
  return [...holding, ...ended];
}

/** The signed-in person's own mandates (also while acting for someone). Both ends of every mandate on this device: `subject` (who may act for me) and `actor` (whom I may act for). */
export const useMandates = () => createLiveQuery((db) => db.mandates.toArray(), undefined, { own: true });

/** Authorisations given on this device that the server has not confirmed yet, oldest first. */
export const usePendingGrants = () =>
  createLiveQuery(
    async (db) =>
      ((await db.outbox.orderBy('seq').toArray()) as OutboxEntry[]).filter(
        (e): e is Extract<OutboxEntry, { type: 'mandate.grant' }> => e.type === 'mandate.grant',
      ),
    undefined,
    { own: true },
  );

/** The server's refusals the person has not dismissed yet, oldest first. */
export const useRejections = () =>
  createLiveQuery(
    async (db) => ((await db.meta.get(REJECTIONS_KEY))?.value as Rejection[] | undefined) ?? [],
    undefined,
    { own: true },
  );

/** The latest refusal about the mandate (or the authorisation given with this id), if any. */
export const rejectionAbout = (list: Rejection[] | undefined, mandateId: string) =>
  (list ?? []).filter((r) => r.about?.table === 'mandates' && r.about.id === mandateId).at(-1) ?? null;

/** The latest refusal of an authorisation given on this device. */
export const latestGrantRejection = (list: Rejection[] | undefined) =>
  (list ?? []).filter((r) => r.type === 'mandate.grant').at(-1) ?? null;
