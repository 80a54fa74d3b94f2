import { createSignal, Show } from 'solid-js';
import type { Agency } from '../../contract/catalogue';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { Icon } from '../../ui/icons';
import './help.css';

const tel = (phone: string) => `tel:${phone.replace(/\s/g, '')}`;

/** An agency's phone, e-mail, offices and website, each only where the agency publishes it. */
export function AgencyContactList(props: { agency: Agency }) {
  const contact = () => props.agency.contact;
  return (
    <dl class="contact-list">
      <Show when={contact()?.phone}>
        {(phone) => (
          <>
            <dt>{t('help.phone')}</dt>
            <dd>
              <a href={tel(phone())}>{phone()}</a>
              <Show when={contact()?.hours}>{(hours) => <span class="dd-note">{localized(hours())}</span>}</Show>
            </dd>
          </>
        )}
      </Show>
      <Show when={contact()?.email}>
        {(email) => (
          <>
            <dt>{t('help.email')}</dt>
            <dd>
              <a href={`mailto:${email()}`}>{email()}</a>
            </dd>
          </>
        )}
      </Show>
      <Show when={contact()?.visit}>
        {(visit) => (
          <>
            <dt>{t('help.in_person')}</dt>
            <dd>{localized(visit())}</dd>
          </>
        )}
      </Show>
      <dt>{t('help.website')}</dt>
      <dd>
        <a href={props.agency.url} target="_blank" rel="noopener">
          {new URL(props.agency.url).hostname.replace(/^www\./, '')}
          <Icon name="external" size={16} />
          <span class="visually-hidden">{t('a11y.opens_in_new_tab')}</span>
        </a>
        <Show when={!contact()?.phone && !contact()?.email}>
          <span class="dd-note">{t('help.contact_on_website')}</span>
        </Show>
      </dd>
    </dl>
  );
}

/** "Questions? Ask <agency>": folded under each step and offer, so the way to a person is always one tap away. */
export function AskAgency(props: { agency: Agency | undefined }) {
  // The contacts are drawn only while open: a closed details keeps no hidden links in the page.
  const [open, setOpen] = createSignal(false);
  return (
    <Show when={props.agency}>
      {(agency) => (
        <details class="ask-agency" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('help.ask', { agency: localized(agency().name) })}</summary>
          <Show when={open()}>
            <AgencyContactList agency={agency()} />
          </Show>
        </details>
      )}
    </Show>
  );
}
