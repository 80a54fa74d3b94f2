import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Agency, Catalogue, EventService, SubService } from '../../contract/catalogue';
import type { Queryable } from '../db/database';

export async function loadCatalogue(db: Queryable): Promise<Catalogue> {
  const agencies = await db.query<Agency & { contact: Agency['contact'] | null }>(
    'SELECT id, name, url, contact FROM agencies ORDER BY id',
  );
  const services = await db.query<Omit<EventService, 'subServices'>>(
    `SELECT id, owner_agency_id AS "ownerAgencyId", maturity, name, description
     FROM event_services ORDER BY position, id`,
  );
  const subs = await db.query<SubService & { eventServiceId: string }>(
    `SELECT id, event_service_id AS "eventServiceId", kind, provision, agency_id AS "agencyId", name, description, url
     FROM sub_services ORDER BY position, id`,
  );
  return {
    agencies: agencies.rows.map(({ contact, ...agency }) => (contact ? { ...agency, contact } : agency)),
    eventServices: services.rows.map((es) => ({
      ...es,
      subServices: subs.rows.filter((s) => s.eventServiceId === es.id).map(({ eventServiceId: _, ...s }) => s),
    })),
  };
}

/** GET /api/catalogue: public, every text in all four languages, revalidated by ETag. */
export function catalogueRoutes(db: Queryable) {
  return new Hono().get('/', async (c) => {
    const body = JSON.stringify(await loadCatalogue(db));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    const ifNoneMatch = c.req.header('If-None-Match');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
