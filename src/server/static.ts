import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

const HASHED_ASSET = /^\/assets\//;
const ALWAYS_REVALIDATE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest']);

/**
 * Serves the built app: hashed assets are immutable, the shell and the worker are revalidated on every
 * load (so a new version is found), and any other page path gets index.html for the client router.
 */
export function mountStatic(app: Hono, staticDir: string): void {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built app in ${staticDir}: run "npm run build" first (or set STATIC_DIR)`);
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const path = c.req.path;
    if (HASHED_ASSET.test(path)) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else if (ALWAYS_REVALIDATE.has(path) || !path.includes('.')) c.header('Cache-Control', 'no-cache');
    else c.header('Cache-Control', 'public, max-age=3600');
  });
  app.use('*', serveStatic({ root: staticDir }));
  app.get('*', serveStatic({ root: staticDir, path: 'index.html' }));
}
