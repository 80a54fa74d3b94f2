import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { DataUseRow } from '../../contract/data-uses';
import { useAgencies } from '../../data/catalogue-queries';
import { usePendingItems } from '../../data/pending';
import { t } from '../../i18n';
import { formatDate, intlLocale, localized } from '../../i18n/format';
import { EmptyState, Page } from '../../ui/Page';
import { Questions } from './Questions';
import { useDataUseAgencies, useDataUses, useStepCases } from './queries';
import './my-data.css';

const PAGE = 20;

type Grouping = 'agency' | 'purpose';

export default function MyData() {
  const [params, setParams] = useSearchParams<{ offer?: string }>();
  const [agencyId, setAgencyId] = createSignal('');
  const [grouping, setGrouping] = createSignal<Grouping>('agency');
  const [limit, setLimit] = createSignal(PAGE);
  const agencies = useAgencies();
  const usedBy = useDataUseAgencies();
  const stepCases = useStepCases();
  const queued = usePendingItems();
  const result = useDataUses(() => ({ agencyId: agencyId(), offerId: params.offer ?? '', limit: limit() }));

  const agencyName = (id: string) => {
    const a = agencies()?.get(id);
    return a ? localized(a.name) : id;
  };
  const groups = createMemo(() => {
    const by = new Map<string, { title: string; uses: DataUseRow[] }>();
    for (const use of result()?.uses ?? []) {
      const key = grouping() === 'agency' ? use.agencyId : use.purposeCode;
      const title = grouping() === 'agency' ? agencyName(use.agencyId) : localized(use.purpose);
      const group = by.get(key) ?? { title, uses: [] };
      group.uses.push(use);
      by.set(key, group);
    }
    return [...by.values()];
  });
  const list = (items: string[]) => new Intl.ListFormat(intlLocale(), { type: 'conjunction' }).format(items);

  return (
    <Page title={t('my_data.title')} lead={t('my_data.lead')}>
      <Show when={params.offer}>
        <p class="my-data-scope">
          {t('my_data.one_offer')}{' '}
          <A href="/my-data" onClick={() => setParams({ offer: undefined })}>
            {t('my_data.show_all')}
          </A>
        </p>
      </Show>
      <div class="my-data-filters">
        <div class="field">
          <label for="my-data-group">{t('my_data.group_by')}</label>
          <select
            id="my-data-group"
            class="select"
            value={grouping()}
            onChange={(e) => setGrouping(e.currentTarget.value as Grouping)}
          >
            <option value="agency">{t('my_data.by_agency')}</option>
            <option value="purpose">{t('my_data.by_purpose')}</option>
          </select>
        </div>
        <div class="field">
          <label for="my-data-agency">{t('my_data.agency')}</label>
          <select
            id="my-data-agency"
            class="select"
            value={agencyId()}
            onChange={(e) => {
              setAgencyId(e.currentTarget.value);
              setLimit(PAGE);
            }}
          >
            <option value="">{t('my_data.all_agencies')}</option>
            <For each={usedBy()}>{(id) => <option value={id}>{agencyName(id)}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={result() && result()!.uses.length === 0}>
        <EmptyState title={t('my_data.empty_title')} text={t('my_data.empty_text')} />
      </Show>
      <For each={groups()}>
        {(group) => (
          <section class="group">
            <h2>{group.title}</h2>
            <ul class="card-list">
              <For each={group.uses}>
                {(use) => {
                  const caseId = () => (use.stepId ? stepCases()?.get(use.stepId) : undefined);
                  return (
                    <li class="card data-use">
                      <p class="data-use-sentence">
                        {t(use.source === 'rule' ? 'my_data.sentence_rule' : 'my_data.sentence', {
                          agency: use.unit ? `${agencyName(use.agencyId)} (${use.unit})` : agencyName(use.agencyId),
                          data: list(use.categories.map((c) => localized(c.name))),
                          register: localized(use.registerName),
                          purpose: localized(use.purpose),
                        })}
                      </p>
                      <Show when={use.purposeText}>{(text) => <p>{localized(text())}</p>}</Show>
                      <dl class="facts">
                        <div>
                          <dt>{t('my_data.law')}</dt>
                          <dd class="link-alone">
                            <Show when={use.legalUrl} fallback={localized(use.legalBasis)}>
                              {(url) => (
                                <a href={url()} rel="noopener noreferrer" target="_blank">
                                  {localized(use.legalBasis)}
                                </a>
                              )}
                            </Show>
                          </dd>
                        </div>
                        <Show when={use.offerId || caseId()}>
                          <div>
                            <dt>{t('my_data.led_to')}</dt>
                            <dd class="link-alone">
                              <Show
                                when={use.offerId}
                                fallback={
                                  <A href={`/events/${caseId()}/steps/${use.stepId}`}>{t('my_data.the_step')}</A>
                                }
                              >
                                {(id) => <A href={`/offers/${id()}`}>{t('my_data.the_offer')}</A>}
                              </Show>
                            </dd>
                          </div>
                        </Show>
                      </dl>
                      <p class="card-meta">
                        <time datetime={use.usedAt}>
                          {formatDate(use.usedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                        </time>
                      </p>
                      <Questions use={use} pending={queued()?.get(`dataUses:${use.id}`)} />
                    </li>
                  );
                }}
              </For>
            </ul>
          </section>
        )}
      </For>
      <Show when={result()?.more}>
        <button type="button" class="button" onClick={() => setLimit((n) => n + PAGE)}>
          {t('my_data.show_more')}
        </button>
      </Show>
    </Page>
  );
}
