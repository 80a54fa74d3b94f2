import type { Lang } from '../../contract/langs';

/** The signed-in person, as the auth middleware gives it to handlers. Handlers never take a person id from the request. */
export interface SessionPerson {
  id: string;
  personalCode: string;
  givenName: string;
  familyName: string;
  preferredLanguage: Lang;
}

/** When the session ends unless extended (idle), and when it ends regardless (absolute); ISO times. */
export interface SessionInfo {
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

/** Hono environment of every person-data router: `c.get('person')` is set by the auth middleware. */
export interface PersonEnv {
  Variables: { person: SessionPerson; session?: SessionInfo };
}
