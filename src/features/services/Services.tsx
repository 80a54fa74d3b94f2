import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { useEventServices } from '../../data/catalogue-queries';
import { searchServices } from '../../data/search';
import { t } from '../../i18n';
import { localized } from '../../i18n/format';
import { Icon } from '../../ui/icons';
import { EmptyState, Page } from '../../ui/Page';
import { CatalogueMissing } from './CatalogueMissing';
import './services.css';

export default function Services() {
  const services = useEventServices();
  const [params, setParams] = useSearchParams<{ q: string }>();
  const query = () => params.q ?? '';

  const results = createMemo(() => searchServices(query(), services() ?? [], localized));

  return (
    <Page title={t('services.title')} lead={t('services.lead')}>
      <search class="search">
        <label for="service-search">{t('services.search_label')}</label>
        <p id="service-search-hint" class="muted">
          {t('services.search_hint')}
        </p>
        <div class="search-field">
          <Icon name="search" size={20} />
          <input
            id="service-search"
            type="search"
            autocomplete="off"
            aria-describedby="service-search-hint"
            value={query()}
            onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
          />
        </div>
      </search>
      <Show when={services()} keyed>
        {(all) => (
          <Show when={all.length > 0} fallback={<CatalogueMissing />}>
            <p class="result-count" role="status">
              {t('services.result_count', { count: results().length })}
            </p>
            <Show when={results().length === 0}>
              <EmptyState title={t('services.no_results_title')} text={t('services.no_results_text')}>
                <p class="form-actions">
                  <A class="button" href="/services">
                    {t('services.show_all')}
                  </A>
                  <A class="button" href="/help">
                    {t('help.title')}
                  </A>
                </p>
              </EmptyState>
            </Show>
            <ul class="card-list">
              <For each={results()}>
                {({ es, subs }) => (
                  <li>
                    <A class="card card-link" href={`/services/${es.id}`}>
                      <span class="card-title">{localized(es.name)}</span>
                      <span class="card-text">{localized(es.description)}</span>
                      <Show when={query()}>
                        <span class="card-meta">{subs.map((s) => localized(s.name)).join(' · ')}</span>
                      </Show>
                      <Show when={!query()}>
                        <span class="card-meta">
                          {t('services.sub_service_count', { count: es.subServices.length })}
                        </span>
                      </Show>
                      <Icon name="chevron" class="card-chevron" />
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </Page>
  );
}
