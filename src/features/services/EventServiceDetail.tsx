import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useAgencies, useEventService } from '../../data/catalogue-queries';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { BackLink } from '../../ui/BackLink';
import { Icon } from '../../ui/icons';
import { EmptyState, Page } from '../../ui/Page';
import { KIND_ORDER, kindTitle, maturityLabel, provisionLabel } from './labels';

export default function EventServiceDetail() {
  const params = useParams<{ eventServiceId: string }>();
  const service = useEventService(() => params.eventServiceId);
  const agencies = useAgencies();
  const agencyName = (id: string) => {
    const agency = agencies()?.get(id);
    return agency ? localized(agency.name) : '';
  };
  const back = () => <BackLink href="/services" label={t('services.back_to_list')} />;

  return (
    <Show when={service() !== undefined}>
      <Show
        when={service()}
        keyed
        fallback={
          <Page title={t('services.not_found')} back={back()}>
            <EmptyState text={t('services.not_found_text')} />
          </Page>
        }
      >
        {(es) => (
          <Page title={localized(es.name)} lead={localized(es.description)} back={back()}>
            <dl class="facts">
              <div>
                <dt>{t('services.owner')}</dt>
                <dd>{agencyName(es.ownerAgencyId)}</dd>
              </div>
              <div>
                <dt>{t('services.maturity_label')}</dt>
                <dd>{maturityLabel(es.maturity)}</dd>
              </div>
            </dl>
            <For each={KIND_ORDER.filter((kind) => es.subServices.some((s) => s.kind === kind))}>
              {(kind) => (
                <section class="group">
                  <h2>{kindTitle(kind)}</h2>
                  <ul class="card-list">
                    <For each={es.subServices.filter((s) => s.kind === kind)}>
                      {(sub) => (
                        <li>
                          <A class="card card-link" href={`/services/${es.id}/${sub.id}`}>
                            <span class="card-title">{localized(sub.name)}</span>
                            <span class="card-meta">
                              {agencyName(sub.agencyId)} · <span class="tag">{provisionLabel(sub.provision)}</span>
                            </span>
                            <Icon name="chevron" class="card-chevron" />
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </Page>
        )}
      </Show>
    </Show>
  );
}
