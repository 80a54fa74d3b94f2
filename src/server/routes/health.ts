import { Hono } from 'hono';
import type { Database } from '../db/database';

export function healthRoutes(db: Database) {
  return new Hono().get('/', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch {
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });
}
