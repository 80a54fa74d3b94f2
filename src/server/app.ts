import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './db/database';
import { ApiError, errorBody } from './errors';
import type { Logger } from './log';
import { catalogueRoutes } from './routes/catalogue';
import { healthRoutes } from './routes/health';
import { mountStatic } from './static';

export interface AppDeps {
  db: Database;
  log: Logger;
  /** The built client to serve; omitted in API-only tests. */
  staticDir?: string;
}

export function createApp({ db, log, staticDir }: AppDeps) {
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', compress());

  const api = app.basePath('/api').route('/health', healthRoutes(db)).route('/catalogue', catalogueRoutes(db));

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      return c.json(errorBody('http_error', error.message || 'Request failed'), error.status);
    }
    log.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Something went wrong on our side. Please try again later.'), 500);
  });

  if (staticDir) mountStatic(app, staticDir);
  return Object.assign(app, { api });
}

export type App = ReturnType<typeof createApp>;
