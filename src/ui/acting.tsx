import { type JSX, Show } from 'solid-js';
import { actingName, type MayAct } from '../data/acting';
import { t } from '../i18n';

/** An action button's words: "Accept the offer" for oneself, "Accept the offer for Marta Tamm" while acting for her. */
export function forSubject(action: string): string {
  const name = actingName();
  return name ? t('acting.button', { action, name }) : action;
}

type Why = 'messages' | 'own_only';

/**
 * Why the actions are not offered while acting for someone (`may` from mayAct, not `yes`). `why` picks
 * the wording for what no service names (notifications) or what only the person may send.
 */
export function NotAllowedNote(props: { may: MayAct; why?: Why }) {
  const reason = () => (props.may === 'view_only' ? 'view_only' : (props.why ?? 'outside'));
  return <p class="acting-not-allowed">{t(`acting.not_allowed.${reason()}`)}</p>;
}

/** The actions when the mandate allows them; otherwise, instead of them, why not. */
export function WhenMayAct(props: { may: MayAct; why?: Why; children: JSX.Element }) {
  return (
    <Show when={props.may === 'yes'} fallback={<NotAllowedNote may={props.may} why={props.why} />}>
      {props.children}
    </Show>
  );
}
