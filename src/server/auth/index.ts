import { Hono, type MiddlewareHandler } from 'hono';
import { loadAuthConfig } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import type { AuthConfig } from './config';
import type { PersonEnv } from './context';
import type { DevIdpMount } from './dev-idp-base';
import { mountDevIdp } from './dev-idp-mount';
import { createRequirePerson, csrfProtection } from './middleware';
import { authRoutes } from './routes';
import { RelyingParty } from './rp';
import { SessionStore } from './sessions';

export { loadAuthConfig } from '../config';
export type { AuthConfig } from './config';
export type { PersonEnv, SessionInfo, SessionPerson } from './context';
export { withDevIdp } from './node';

/** Paths whose state-changing requests carry no session cookie, so CSRF does not apply (see csrfProtection). */
const CSRF_EXEMPT = [/^\/auth\/backchannel-logout$/, /^\/api\/agency(\/|$)/];

export interface Auth {
  config: AuthConfig;
  /** Mount at /auth: login, callback, logout, back-channel logout, session. */
  routes: ReturnType<typeof authRoutes>;
  /** For every person-data router: 401 JSON without a live session, else `c.get('person')`. */
  requirePerson: MiddlewareHandler<PersonEnv>;
  /** For the whole app: state-changing requests only from the app's own origin with its header. */
  csrf: MiddlewareHandler;
  /** A person-data router behind requirePerson: `api.route('/sync', auth.protect(syncRoutes(db)))`. */
  protect<R extends Hono<PersonEnv>>(router: R): Hono<PersonEnv>;
  /** The embedded development provider, when OIDC_ISSUER is not set; see withDevIdp(). */
  devIdp?: DevIdpMount;
}

export function createAuth({ db, log, config = loadAuthConfig() }: { db: Database; log: Logger; config?: AuthConfig }) {
  const sessions = new SessionStore(db, config.idleTimeoutSeconds, config.absoluteLifetimeSeconds);
  const rp = new RelyingParty(config, log);
  const requirePerson = createRequirePerson(config, sessions, rp, log);
  const auth: Auth = {
    config,
    routes: authRoutes({ db, log, config, sessions, rp, requirePerson }),
    requirePerson,
    csrf: csrfProtection(config, (path) => CSRF_EXEMPT.some((re) => re.test(path))),
    devIdp: config.devIdp ? mountDevIdp({ config, db, log, keys: config.devIdpKeys }) : undefined,
    protect: (router) => new Hono<PersonEnv>().use('*', requirePerson).route('/', router),
  };
  return auth;
}
