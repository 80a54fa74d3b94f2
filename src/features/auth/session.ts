import { type Accessor, createRoot, createSignal } from 'solid-js';
import type { ProfileRow } from '../../contract/person';
import { ApiError, apiJson, NetworkError } from '../../data/api';
import { createLiveQuery, openDb } from '../../data/live';
import { language } from '../../i18n';

/** The session's times as the server gave them (ISO); kept in IndexedDB so the warning survives reloads. */
export interface SessionTimes {
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

interface MeResponse {
  id: 'me';
  personId: string;
  givenName: string;
  familyName: string;
  personalCode: string;
  birthDate: string;
  preferredLanguage: string;
  session?: SessionTimes;
}

export const SESSION_KEY = 'session.times';

/**
 * Where the session stands: `unknown` until the server answered, `active`, or `ended` (a 401: the session
 * timed out or was ended elsewhere). Offline, it stays what it was: cached data stays readable.
 */
export type SessionState = 'unknown' | 'active' | 'ended';
const [sessionState, setSessionState] = createSignal<SessionState>('unknown');

export { sessionState };

let profile: Accessor<ProfileRow | null | undefined> | undefined;

/**
 * The person whose data this device holds (the `profile` row), null when nobody; undefined while
 * loading. One live query for the whole app, however many components ask.
 */
export function useProfile(): Accessor<ProfileRow | null | undefined> {
  profile ??= createRoot(() =>
    createLiveQuery(async (db) => (await db.profile.get('me')) ?? null, undefined, { own: true }),
  );
  return profile;
}

/** The server's readable hint that a session cookie was set (it grants nothing; see SIGNED_IN_HINT). */
export const hasSignedInHint = () => document.cookie.split('; ').includes('mr_signed_in=1');

/**
 * Whether to show the signed-in screens, known before the first render: the hint cookie answers until the
 * device's own profile row does. With the hint but no data here yet (a new device), signed in until the
 * server says the session ended.
 */
export function useSignedIn(): Accessor<boolean> {
  const profile = useProfile();
  return () => {
    if (profile()) return true;
    return hasSignedInHint() && sessionState() !== 'ended';
  };
}

export const fullName = (profile: Pick<ProfileRow, 'givenName' | 'familyName'>) =>
  `${profile.givenName} ${profile.familyName}`;

/** The provider's sign-in, coming back to `path`, in the app's language. */
export function signInHref(path: string): string {
  return `/auth/login?return_to=${encodeURIComponent(path)}&lang=${language()}`;
}

export async function saveSessionTimes(times: SessionTimes | undefined) {
  if (times) await (await openDb()).db.meta.put({ key: SESSION_KEY, value: times });
}

/**
 * Asks the server who is signed in (GET /api/me) and mirrors it in IndexedDB. Another person than the
 * one whose data is here: that data goes first (phones are shared), queued actions with it, as they
 * must never be sent for someone else.
 */

export async function refreshSession(): Promise<SessionState> {
  // Nobody signed in here and no session cookie: nothing to ask (and no failing request to log).
  const { db } = await openDb();
  if (!hasSignedInHint() && !(await db.profile.get('me'))) {
    setSessionState('ended');
    return 'ended';
  }
  let me: MeResponse;
  try {
    me = await apiJson<MeResponse>(fetch, '/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setSessionState('ended');
      return 'ended';
    }
    if (!(error instanceof NetworkError)) console.warn('session check failed', error);
    return sessionState();
  }
  const current = await db.profile.get('me');
  if (current && current.personId !== me.personId) {
    await (await import('../../data/sync-service')).forgetSubjects();
    await db.clearPersonalData();
  }
  await db.transaction('rw', db.profile, db.meta, async () => {
    const row: ProfileRow = {
      id: 'me',
      personId: me.personId,
      givenName: me.givenName,
      familyName: me.familyName,
      personalCode: me.personalCode,
      birthDate: me.birthDate,
    };
    const existing = await db.profile.get('me');
    // The sync engine writes this row too: only touch it when something changed.
    if (!existing || (Object.keys(row) as (keyof ProfileRow)[]).some((k) => existing[k] !== row[k]))
      await db.profile.put(row);
    await saveSessionTimes(me.session);
  });
  setSessionState('active');
  return 'active';
}

/**
 * Checks the session now and whenever the network comes back, and keeps the person's data in sync
 * while someone is signed in (offline too: sync then waits for the network).
 */
export function watchSession(): void {
  const syncIfSignedIn = async () => {
    const { db } = await openDb();
    if (await db.profile.get('me')) (await import('../../data/sync-service')).startSync();
  };
  void syncIfSignedIn();
  const check = async () => {
    if ((await refreshSession()) !== 'active') return;
    await syncIfSignedIn();
    // This device's push subscription follows the server's VAPID key if it changed.
    (await import('../settings/push')).refreshPushSubscription().catch(() => undefined);
  };
  void check();
  window.addEventListener('online', () => void check());
}

export const unsentCount = async () => (await openDb()).db.outbox.count();

/**
 * Signs out: ends the session on the server, deletes the person's data (and that of everyone they act
 * for) from this device, then lets the
 * provider end its session too (where it has one). The caller has asked about unsent changes first.
 */
export async function signOut(): Promise<void> {
  let endSessionUrl: string | undefined;
  try {
    ({ endSessionUrl } = await apiJson<{ endSessionUrl?: string }>(fetch, '/auth/logout', { method: 'POST' }));
  } catch (error) {
    // Offline or already ended: the data on this device goes all the same; the cookie dies with the session.
    if (!(error instanceof NetworkError) && !(error instanceof ApiError && error.status === 401)) throw error;
  }
  await (await import('../../data/sync-service')).forgetSubjects();
  await (await openDb()).db.clearPersonalData();
  setSessionState('ended');
  window.location.assign(endSessionUrl ?? '/');
}
