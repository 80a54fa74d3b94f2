import { createSignal } from 'solid-js';
import type { MandateRow } from '../contract/mandates';
import type { MinuRiikDb } from './db';

/**
 * Whom the screens show: the signed-in person (null) or someone they act for, with that subject's own
 * database (src/data/subjects.ts) and the mandates that allow it. Every live query of the person's data
 * and every action reads this, so a screen can never show one person's rows and act for another.
 * Not kept over a reload: the app always opens as the signed-in person. Switched by actFor (sync-service.ts).
 */
export interface Acting {
  subjectId: string;
  givenName: string;
  familyName: string;
  /** Every mandate that holds for the subject today (a parent may also be authorised). */
  mandates: MandateRow[];
  db: MinuRiikDb;
}

const [acting, setActing] = createSignal<Acting | null>(null);

export { acting, setActing };

/** The database of the person the screens show: the subject's while acting, else the signed-in person's own. */
export const subjectDb = (own: MinuRiikDb): MinuRiikDb => acting()?.db ?? own;

/** The represented person's name, while acting for someone; undefined when the screens show one's own data. */
export const actingName = (): string | undefined => {
  const a = acting();
  return a ? `${a.givenName} ${a.familyName}` : undefined;
};

/**
 * Whether the signed-in person may act on a service (an event service id; null: something no service
 * names, such as a message) for the person the screens show, as the server decides it (src/server/mandates/access.ts):
 * `yes` for one's own data, `view_only`, or `outside` the mandate's services.
 */
export type MayAct = 'yes' | 'view_only' | 'outside';

export function mayAct(eventServiceId: string | null): MayAct {
  const a = acting();
  if (!a) return 'yes';
  const acts = a.mandates.filter((m) => m.scope === 'act');
  if (acts.length === 0) return 'view_only';
  if (acts.some((m) => m.services === null)) return 'yes';
  return eventServiceId !== null && acts.some((m) => m.services?.includes(eventServiceId)) ? 'yes' : 'outside';
}
