import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { tallinnDate } from '../contract/dates';
import { type MandateRow, mandateHolds } from '../contract/mandates';
import { acting } from '../data/acting';
import { createLiveQuery } from '../data/live';
import { AccountLink, PersonIcon } from '../features/auth/AccountLink';
import { fullName, useProfile } from '../features/auth/session';
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import './acting.css';

/**
 * Acting for someone (src/data/acting.ts) in the shell: the switcher in the top bar's account place, the
 * list it opens at the top of the screen, and the banner that says whom one acts for on every screen.
 * Read from the mandates on this device, so it works offline; shown only to a person who holds one.
 */

interface Held {
  id: string;
  name: string;
  mandates: MandateRow[];
}

const [open, setOpen] = createSignal(false);
const LIST_ID = 'acting-list';
const BUTTON_ID = 'acting-switcher';

/** Everyone a mandate on this device lets the signed-in person act for today, in the order given. */
function useHeld() {
  const mandates = createLiveQuery(async (db) => db.mandates.where('role').equals('actor').toArray(), undefined, {
    own: true,
  });
  return createMemo(() => {
    const today = tallinnDate();
    const held = new Map<string, Held>();
    for (const m of mandates() ?? []) {
      if (!mandateHolds(m, today)) continue;
      const entry = held.get(m.person.id) ?? { id: m.person.id, name: fullName(m.person), mandates: [] };
      entry.mandates.push(m);
      held.set(m.person.id, entry);
    }
    return [...held.values()];
  });
}

/** The basis one acts on, in words: "my child", "under my guardianship", "authorised by … until …". */
function basisText(mandates: MandateRow[]): string {
  const order = ['parent', 'guardian', 'authorisation'] as const;
  const m = [...mandates].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  if (m.kind !== 'authorisation') return t(`acting.basis.${m.kind}`);
  return t('acting.basis.authorisation', { name: fullName(m.person), date: formatDate(m.validUntil) });
}

async function choose(subjectId: string | null): Promise<boolean> {
  const { actFor } = await import('../data/sync-service');
  return actFor(subjectId);
}

/**
 * The top bar's account place: for a person who holds a mandate, a button with the name of whoever the
 * screens show, opening the list of people (ActingList); for anyone else the account link as before.
 * Both have the same size, so nothing moves when the mandates have been read.
 */
export function ActingSwitcher() {
  const profile = useProfile();
  const held = useHeld();
  const shown = () => {
    const a = acting();
    if (a) return `${a.givenName} ${a.familyName}`;
    const me = profile();
    return me ? fullName(me) : '';
  };
  return (
    <Show when={held().length > 0 || acting()} fallback={<AccountLink />}>
      <span class="account-slot">
        <button
          type="button"
          id={BUTTON_ID}
          class="account-link acting-switcher"
          classList={{ 'acting-for': acting() !== null }}
          aria-expanded={open()}
          aria-controls={LIST_ID}
          aria-label={`${t('acting.switcher_label')}: ${shown()}`}
          onClick={() => {
            setOpen(!open());
            if (open()) queueMicrotask(() => document.querySelector<HTMLElement>(`#${LIST_ID} button`)?.focus());
          }}
        >
          <PersonIcon />
          <span class="account-label">{shown()}</span>
        </button>
      </span>
    </Show>
  );
}

/** The list the switcher opens, at the top of the screen: oneself, then everyone one may act for, each with the basis. */
export function ActingList() {
  const profile = useProfile();
  const held = useHeld();
  const navigate = useNavigate();
  const [failed, setFailed] = createSignal(false);
  const close = () => {
    setOpen(false);
    document.getElementById(BUTTON_ID)?.focus();
  };
  const pick = async (subjectId: string | null) => {
    setFailed(false);
    if (!(await choose(subjectId))) return setFailed(true);
    close();
    navigate('/');
  };
  const current = () => acting()?.subjectId ?? null;
  return (
    <Show when={open()}>
      <section
        id={LIST_ID}
        class="card acting-list"
        aria-labelledby="acting-list-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <p id="acting-list-title" class="acting-list-title">
          {t('acting.switcher_label')}
        </p>
        <ul>
          <li>
            <button
              type="button"
              class="acting-option"
              aria-current={current() === null ? 'true' : undefined}
              onClick={() => void pick(null)}
            >
              <span class="acting-option-name">{t('acting.me', { name: profile() ? fullName(profile()!) : '' })}</span>
            </button>
          </li>
          <For each={held()}>
            {(person) => (
              <li>
                <button
                  type="button"
                  class="acting-option"
                  aria-current={current() === person.id ? 'true' : undefined}
                  onClick={() => void pick(person.id)}
                >
                  <span class="acting-option-name">{person.name}</span>
                  <span class="acting-option-basis">{basisText(person.mandates)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
        {/* The account place led to More (account, sign-out) before it became the switcher: it still does. */}
        <p class="link-alone">
          <A href="/more" onClick={() => setOpen(false)}>
            {t('acting.account')}
          </A>
        </p>
        <Show when={failed()}>
          <p class="form-error" role="alert">
            {t('sync.reason.mandate_revoked')}
          </p>
        </Show>
      </section>
    </Show>
  );
}

/** While acting for someone: on every screen, whom for and on what basis, and the way back to oneself. Not dismissible. */
export function ActingBanner() {
  const navigate = useNavigate();
  return (
    <Show when={acting()}>
      {(a) => (
        <section class="acting-banner" aria-labelledby="acting-banner-text">
          <p id="acting-banner-text">
            <strong>{t('acting.banner', { name: `${a().givenName} ${a().familyName}` })}</strong>{' '}
            {t('acting.banner_basis', { basis: basisText(a().mandates) })}
          </p>
          <button
            type="button"
            class="button"
            onClick={() =>
              void choose(null).then(() => {
                setOpen(false);
                navigate('/');
              })
            }
          >
            {t('acting.back')}
          </button>
        </section>
      )}
    </Show>
  );
}
