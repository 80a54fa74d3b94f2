import { Hono } from 'hono';
import type { Queryable } from '../db/database';
import { ApiError } from '../errors';
import { serviceStats, toCsv } from '../feedback/stats';

/** GET /api/stats/services[?format=csv]: public open data on how services are rated. */
export function statsRoutes(db: Queryable) {
  return new Hono().get('/services', async (c) => {
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new ApiError(400, 'bad_format', 'format must be json or csv');
    const rows = await serviceStats(db);
    c.header('Cache-Control', 'public, max-age=300');
    if (format === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="minu-riik-service-ratings.csv"');
      return c.body(toCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json({ rows });
  });
}
