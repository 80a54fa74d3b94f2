import Dexie, { type EntityTable } from 'dexie';
import type { Agency, EventService } from '../contract/catalogue';

export interface CatalogueEntry extends EventService {
  position: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The app's IndexedDB: the UI reads only from here; the network only writes here. */
export class MinuRiikDb extends Dexie {
  eventServices!: EntityTable<CatalogueEntry, 'id'>;
  agencies!: EntityTable<Agency, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;

  constructor(name = 'minu-riik') {
    super(name);
    this.version(1).stores({
      eventServices: 'id, position',
      agencies: 'id',
      meta: 'key',
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
