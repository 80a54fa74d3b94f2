import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { useAgencies, useEventService } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { BackLink } from '../../ui/BackLink';
import { Icon } from '../../ui/icons';
import { EmptyState, Page } from '../../ui/Page';
import { kindLabel, provisionLabel, provisionText } from './labels';

export default function SubServiceDetail() {
  const params = useParams<{ eventServiceId: string; subServiceId: string }>();
  const service = useEventService(() => params.eventServiceId);
  const agencies = useAgencies();
  const sub = () => service()?.subServices.find((s) => s.id === params.subServiceId) ?? null;

  return (
    <Show when={service() !== undefined}>
      <Show
        when={sub()}
        keyed
        fallback={
          <Page title={t('services.not_found')} back={<BackLink href="/services" label={t('services.back_to_list')} />}>
            <EmptyState text={t('services.not_found_text')} />
          </Page>
        }
      >
        {(s) => {
          const agency = () => agencies()?.get(s.agencyId);
          return (
            <Page
              title={localized(s.name)}
              lead={localized(s.description)}
              back={<BackLink href={`/services/${service()!.id}`} label={localized(service()!.name)} />}
            >
              <dl class="facts">
                <div>
                  <dt>{t('services.agency')}</dt>
                  <dd>{agency() ? localized(agency()!.name) : ''}</dd>
                </div>
                <div>
                  <dt>{t('services.kind_label')}</dt>
                  <dd>{kindLabel(s.kind)}</dd>
                </div>
                <div>
                  <dt>{t('services.provision_label')}</dt>
                  <dd>
                    {provisionLabel(s.provision)}
                    <span class="dd-note">{provisionText(s.provision)}</span>
                  </dd>
                </div>
              </dl>
              <a class="button button-primary" href={s.url} target="_blank" rel="noopener">
                {t('services.open_agency_page')}
                <Icon name="external" size={20} />
                <span class="visually-hidden">{t('a11y.opens_in_new_tab')}</span>
              </a>
            </Page>
          );
        }}
      </Show>
    </Show>
  );
}
