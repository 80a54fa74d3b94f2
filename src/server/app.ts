import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type AuthConfig, createAuth } from './auth';
import { limitBodies } from './body-limit';
import type { Database } from './db/database';
import { ApiError, errorBody } from './errors';
import type { Logger } from './log';
import type { VapidKeys } from './push/vapid';
import { agencyRoutes } from './routes/agency';
import { catalogueRoutes } from './routes/catalogue';
import { changeRoutes } from './routes/changes';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { openApiRoutes } from './routes/openapi';
import { pushKeyRoutes, pushSubscriptionRoutes } from './routes/push';
import { statsRoutes } from './routes/stats';
import { mutationRoutes, syncRoutes } from './routes/sync';
import { PERMISSIONS_POLICY } from './security-headers';
import { mountStatic } from './static';
import { createChangeFeed } from './sync/change-feed';
import { mutationHandlers } from './sync/handlers';

export interface AppDeps {
  db: Database;
  log: Logger;
  /** The built client to serve; omitted in API-only tests. */
  staticDir?: string;
  /** Sign-in settings; by default from the environment (the embedded development provider). */
  auth?: AuthConfig;
  /** The Web Push key pair (see push/vapid.ts). */
  vapid: VapidKeys;
  /** Push services a subscription may name (push/endpoints.ts); by default PUSH_ALLOWED_ORIGINS or the browsers'. */
  pushOrigins?: readonly string[];
}

export function createApp({ db, log, staticDir, auth: authConfig, vapid, pushOrigins }: AppDeps) {
  const app = new Hono();
  const auth = createAuth({ db, log, config: authConfig });
  const changeFeed = createChangeFeed(db, log);
  // Forms post to the app itself, and sign-in continues at the identity provider.
  const formAction = ["'self'", ...(auth.config.devIdp ? [] : [new URL(auth.config.issuer).origin])];

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
        formAction,
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('Permissions-Policy', PERMISSIONS_POLICY);
  });
  app.use('*', compress());
  app.use('*', limitBodies);

  app.use('*', auth.csrf);
  app.route('/auth', auth.routes);

  const api = app
    .basePath('/api')
    .route('/health', healthRoutes(db))
    .route('/catalogue', catalogueRoutes(db))
    .route('/me', auth.protect(meRoutes(db)))
    .route('/openapi.json', openApiRoutes())
    .route('/agency', agencyRoutes(db))
    .route('/stats', statsRoutes(db))
    .route('/push/key', pushKeyRoutes(vapid))
    .route('/push/subscriptions', auth.protect(pushSubscriptionRoutes(db, vapid, pushOrigins)))
    .route('/sync', auth.protect(syncRoutes(db)))
    .route('/changes', auth.protect(changeRoutes(changeFeed)))
    .route('/mutations', auth.protect(mutationRoutes(db, mutationHandlers, log)));

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));
  app.all('/auth/*', (c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException) {
      return c.json(errorBody('http_error', error.message || 'Request failed'), error.status);
    }
    log.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Something went wrong on our side. Please try again later.'), 500);
  });

  if (staticDir) mountStatic(app, staticDir);
  // Anything else (OPTIONS or POST on a static file, say): a JSON 404, never an empty 200.
  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.method} ${c.req.path}`), 404));
  return Object.assign(app, { api, auth, devIdp: auth.devIdp });
}

export type App = ReturnType<typeof createApp>;
