import Dexie, { type EntityTable } from 'dexie';
import type { CaseRow, StepRow } from '../contract/cases';
import type { Agency, EventService } from '../contract/catalogue';
import type { DataUseRow } from '../contract/data-uses';
import type { FeedbackRequestRow, ServiceStatsRow } from '../contract/feedback';
import type { Localized } from '../contract/i18n';
import type { MandateRow } from '../contract/mandates';
import type { TypedMutation } from '../contract/mutations';
import type { OfferRow } from '../contract/offers';
import type { NotificationRow, ProfileRow, SettingsRow } from '../contract/person';
import type { Entity } from '../contract/sync';

export interface CatalogueEntry extends EventService {
  position: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** A row of the signed-in person's data as the server sent it; features narrow it with their schemas. */
export interface PersonRow {
  id: string;
  [field: string]: unknown;
}

/** A queued action, waiting to be sent. `seq` orders the queue; `id` is the server's idempotency key. */
export type OutboxEntry = TypedMutation & {
  seq?: number;
  id: string;
  personId: string;
  createdAt: string;
  attempts: number;
  /** Answers that settled nothing (a 500, garbage, no result for it); at MAX_TRIES it is given up. */
  unsettled?: number;
  lastError?: string;
  /** The row the action is about (the offer, the message): it shows as pending while this entry waits. */
  about?: ItemRef;
  /** The item's name as the person saw it, to list what is unsent (e.g. at sign-out). */
  label?: Localized;
};

/** A row of the person's data, by its table and id. */
export interface ItemRef {
  table: string;
  id: string;
}

/** Which Dexie table mirrors each entity of the change log. */
export const ENTITY_TABLES = {
  profile: 'profile',
  settings: 'settings',
  case: 'cases',
  step: 'steps',
  offer: 'offers',
  notification: 'notifications',
  feedback_request: 'feedbackRequests',
  mandate: 'mandates',
  data_use: 'dataUses',
} as const satisfies Record<Entity, string>;

export const PERSON_TABLES = Object.values(ENTITY_TABLES);

/** The app's IndexedDB: the UI reads only from here; the network only writes here. */
export class MinuRiikDb extends Dexie {
  eventServices!: EntityTable<CatalogueEntry, 'id'>;
  agencies!: EntityTable<Agency, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  profile!: EntityTable<ProfileRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'id'>;
  cases!: EntityTable<CaseRow, 'id'>;
  steps!: EntityTable<StepRow, 'id'>;
  offers!: EntityTable<OfferRow, 'id'>;
  notifications!: EntityTable<NotificationRow, 'id'>;
  feedbackRequests!: EntityTable<FeedbackRequestRow, 'id'>;
  /** Whom the person may act for, and who may act for them (both ends of every mandate). */
  mandates!: EntityTable<MandateRow, 'id'>;
  dataUses!: EntityTable<DataUseRow, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  serviceStats!: EntityTable<ServiceStatsRow & { key: string }, 'key'>;

  constructor(name = 'minu-riik') {
    super(name);
    this.version(1).stores({
      eventServices: 'id, position',
      agencies: 'id',
      meta: 'key',
    });
    this.version(2).stores({
      profile: 'id',
      settings: 'id',
      cases: 'id, eventServiceId',
      steps: 'id, caseId',
      offers: 'id, status',
      notifications: 'id, createdAt',
      feedbackRequests: 'id',
      outbox: '++seq, &id, personId',
    });
    this.version(3).stores({ serviceStats: 'key, agencyId, month' });
    this.version(4).stores({ mandates: 'id, role' });
    this.version(5).stores({ dataUses: 'id, usedAt, agencyId, offerId' });
  }

  /**
   * Removes everything that belongs to the signed-in person (sign-out: phones are shared), keeping
   * only the public catalogue. Queued actions go too: the caller asks the person first.
   */
  async clearPersonalData(): Promise<void> {
    await this.transaction('rw', [...PERSON_TABLES, 'outbox', 'meta'], async () => {
      await Promise.all([...PERSON_TABLES, 'outbox'].map((name) => this.table(name).clear()));
      await this.meta.where('key').startsWith('sync.').delete();
      await this.meta.where('key').startsWith('session.').delete();
    });
  }
}

export const db = new MinuRiikDb();

// Another tab opened a newer version of the database: let it upgrade, and ask this one to reload.
db.on('versionchange', () => {
  db.close();
  window.dispatchEvent(new CustomEvent('minu-riik:reload-needed'));
  return false;
});
