import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js';
import { ApiError, apiJson } from '../../data/api';
import { createLiveQuery } from '../../data/live';
import { t } from '../../i18n';
import {
  refreshSession,
  SESSION_KEY,
  type SessionTimes,
  saveSessionTimes,
  sessionState,
  signInHref,
  useProfile,
} from './session';

/** Warn this long before the session ends (less for very short sessions). */
export function warningLead(times: SessionTimes, now: number): number {
  const idleLength = new Date(times.idleExpiresAt).getTime() - now;
  return Math.min(2 * 60_000, Math.max(10_000, idleLength / 4));
}

/** What the person should see now: nothing, a warning with time left, or that the session is over. */
export function sessionPhase(
  times: SessionTimes | undefined,
  now: number,
  lead = 2 * 60_000,
): { phase: 'ok' | 'warn' | 'over'; left: number; absolute: boolean } {
  if (!times) return { phase: 'ok', left: Number.POSITIVE_INFINITY, absolute: false };
  const idle = new Date(times.idleExpiresAt).getTime();
  const absolute = new Date(times.absoluteExpiresAt).getTime();
  const end = Math.min(idle, absolute);
  const left = end - now;
  return { phase: left <= 0 ? 'over' : left <= lead ? 'warn' : 'ok', left, absolute: absolute <= idle };
}

const mmss = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The session's notices in the shell: before it times out, a warning that lets the person extend it
 * (WCAG 2.2.1 Timing Adjustable); after it ended, that the data stays readable and how to sign in again.
 */
export function SessionNotices() {
  const location = useLocation();
  const profile = useProfile();
  const times = createLiveQuery(
    async (db) => (await db.meta.get(SESSION_KEY))?.value as SessionTimes | undefined,
    undefined,
    { own: true },
  );
  const [now, setNow] = createSignal(Date.now());
  const [lead, setLead] = createSignal(2 * 60_000);
  const [verified, setVerified] = createSignal<string | undefined>();
  let tick: ReturnType<typeof setInterval> | undefined;

  onMount(() => {
    tick = setInterval(() => setNow(Date.now()), 1000);
  });
  onCleanup(() => clearInterval(tick));

  const state = () => {
    const current = times();
    if (!profile() || !current || sessionState() === 'ended') return { phase: 'ok' as const, left: 0, absolute: false };
    return sessionPhase(current, now(), lead());
  };

  // Other requests (sync) move the idle timeout on too: before warning, ask the server how long is left.
  const check = async () => {
    const current = times();
    if (!current || verified() === current.idleExpiresAt) return;
    setVerified(current.idleExpiresAt);
    setLead(warningLead(current, Date.now() - 1));
    try {
      const answer = await apiJson<{ signedIn: boolean } & Partial<SessionTimes>>(fetch, '/auth/session');
      if (!answer.signedIn) await refreshSession();
      else await saveSessionTimes(answer as SessionTimes);
    } catch {
      // offline: the warning shows from what we know
    }
  };

  const extend = async () => {
    try {
      await saveSessionTimes(await apiJson<SessionTimes>(fetch, '/auth/session', { method: 'POST' }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) await refreshSession();
    }
  };

  let endedChecked: string | undefined;
  createEffect(() => {
    const s = state();
    if (s.phase === 'warn') void check();
    const current = times();
    if (s.phase === 'over' && current && endedChecked !== current.idleExpiresAt) {
      endedChecked = current.idleExpiresAt;
      void refreshSession();
    }
  });

  return (
    <>
      <Show when={state().phase === 'warn'}>
        <div class="banner banner-warning session-warning" role="alertdialog" aria-labelledby="session-warning-title">
          <p id="session-warning-title">
            <strong>{t('auth.timeout_title')}</strong>
          </p>
          <p aria-live="off">
            {state().absolute
              ? t('auth.timeout_absolute', { time: mmss(state().left) })
              : t('auth.timeout_text', { time: mmss(state().left) })}
          </p>
          <Show
            when={!state().absolute}
            fallback={
              <a class="button" rel="external" href={signInHref(location.pathname)}>
                {t('auth.sign_in_again')}
              </a>
            }
          >
            <button type="button" class="button" onClick={() => void extend()}>
              {t('auth.extend')}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={profile() && sessionState() === 'ended'}>
        <p class="banner banner-warning" role="status">
          {t('auth.ended')}{' '}
          <a rel="external" href={signInHref(location.pathname)}>
            {t('auth.sign_in_again')}
          </a>
        </p>
      </Show>
    </>
  );
}
