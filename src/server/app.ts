import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { type AuthConfig, createAuth } from './auth';
import { limitBodies } from './body-limit';
import { type Database, DatabaseBusyError } from './db/database';
import { ApiError, errorBody } from './errors';
import { busy, type InFlightLimit, limitInFlight } from './in-flight';
import type { Logger } from './log';
import type { VapidKeys } from './push/vapid';
import { agencyRoutes } from './routes/agency';
import { catalogueRoutes } from './routes/catalogue';
import { changeRoutes } from './routes/changes';
import { healthRoutes, readyRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { openApiRoutes } from './routes/openapi';
import { pushKeyRoutes, pushSubscriptionRoutes } from './routes/push';
import { statsRoutes } from './routes/stats';
import { mutationRoutes, syncRoutes } from './routes/sync';
import { FIRST_FRAME_SCRIPT_HASH, PERMISSIONS_POLICY } from './security-headers';
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
  /** This process's background jobs, when it runs them (for /api/ready). */
  jobs?: { readonly started: boolean };
  /** An /api request not answered after this long gets 503 (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Load shedding for /api and /auth (in-flight.ts); none when omitted. */
  inFlight?: InFlightLimit;
  /** Push services a subscription may name (push/endpoints.ts); by default PUSH_ALLOWED_ORIGINS or the browsers'. */
  pushOrigins?: readonly string[];
}

export function createApp({
  db,
  log,
  staticDir,
  auth: authConfig,
  vapid,
  jobs,
  requestTimeoutMs = 30_000,
  inFlight,
  pushOrigins,
}: AppDeps) {
  const app = new Hono();
  const auth = createAuth({ db, log, config: authConfig });
  const changeFeed = createChangeFeed(db, log);
  // Forms post to the app itself, and sign-in continues at the identity provider.
  const formAction = ["'self'", ...(auth.config.devIdp ? [] : [new URL(auth.config.issuer).origin])];

  // Every request has an id (X-Request-Id, kept from a proxy that set one), in its log lines and its answer.
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", FIRST_FRAME_SCRIPT_HASH],
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

  if (inFlight) {
    const shed = limitInFlight(inFlight);
    app.use('/api/*', shed);
    app.use('/auth/*', shed);
  }
  app.use('*', auth.csrf);
  app.route('/auth', auth.routes);

  app.use(
    '/api/*',
    timeout(
      requestTimeoutMs,
      () => new HTTPException(503, { message: 'The request took too long. Please try again in a moment.' }),
    ),
  );
  const api = app
    .basePath('/api')
    .route('/health', healthRoutes(db))
    .route('/ready', readyRoutes(db, jobs))
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
    if (error instanceof DatabaseBusyError) return busy(c, error.retryAfterSeconds);
    if (error instanceof HTTPException) {
      return c.json(errorBody('http_error', error.message || 'Request failed'), error.status);
    }
    log.error({ err: error, reqId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Something went wrong on our side. Please try again later.'), 500);
  });

  if (staticDir) mountStatic(app, staticDir);
  // Anything else (OPTIONS or POST on a static file, say): a JSON 404, never an empty 200.
  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.method} ${c.req.path}`), 404));
  return Object.assign(app, { api, auth, devIdp: auth.devIdp });
}

export type App = ReturnType<typeof createApp>;
