import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { FeedbackQuestion, ServiceStatsRow } from '../../contract/feedback';
import { countScores, recommendationIndex, type ScoreCounts } from '../../contract/nps';
import { useAgencies, useEventServices } from '../../data/catalogue-queries';
import { createLiveQuery } from '../../data/live';
import { t } from '../../i18n';
import { formatDate, formatNumber, localized } from '../../i18n/format';
import { EmptyState, Page } from '../../ui/Page';
import { TrendChart } from './TrendChart';
import './feedback.css';

const sum = (rows: ServiceStatsRow[]): ScoreCounts & { answers: number } =>
  rows.reduce(
    (acc, r) => ({
      answers: acc.answers + r.answers,
      promoters: acc.promoters + (r.promoters ?? 0),
      passives: acc.passives + (r.passives ?? 0),
      detractors: acc.detractors + (r.detractors ?? 0),
    }),
    { answers: 0, ...countScores([]) },
  );

/** "How services are rated": the recommendation index per agency by month, and per service. */
export default function Ratings() {
  const stats = createLiveQuery((db) => db.serviceStats.orderBy('month').toArray(), undefined, { own: true });
  const agencies = useAgencies();
  const services = useEventServices();
  const [failed, setFailed] = createSignal(false);
  onMount(() => {
    void import('../../data/stats').then((m) => m.refreshServiceStats()).catch(() => setFailed(true));
  });
  const agencyIds = createMemo(() => [...new Set((stats() ?? []).map((r) => r.agencyId))].sort());
  const [chosen, setChosen] = createSignal<string>();
  const agency = () => chosen() ?? agencyIds()[0];
  const agencyName = (id: string) => (agencies()?.get(id) ? localized(agencies()!.get(id)!.name) : id);
  const subName = (id: string) => {
    for (const es of services() ?? []) {
      const sub = es.subServices.find((s) => s.id === id);
      if (sub) return localized(sub.name);
    }
    return id;
  };
  const rowsOf = () => (stats() ?? []).filter((r) => r.agencyId === agency());
  const months = () => [...new Set(rowsOf().map((r) => r.month))].sort();
  const byMonth = () =>
    months().map((month) => {
      const total = sum(rowsOf().filter((r) => r.month === month));
      return { month, answers: total.answers, index: recommendationIndex(total) };
    });
  const byService = () =>
    [...new Set(rowsOf().map((r) => `${r.subServiceId}|${r.question}`))].map((key) => {
      const [id, question] = key.split('|') as [string, FeedbackQuestion];
      const total = sum(rowsOf().filter((r) => r.subServiceId === id && r.question === question));
      return { id, question, answers: total.answers, index: recommendationIndex(total) };
    });
  const monthLabel = (month: string) => formatDate(`${month}-15`, { month: 'short', year: '2-digit' });
  const indexText = (v: number | null) =>
    v === null ? t('ratings.below_minimum') : formatNumber(v, { signDisplay: 'exceptZero' });

  return (
    <Page title={t('ratings.title')} lead={t('ratings.lead')}>
      <details class="history ratings-formula">
        <summary>{t('ratings.formula_title')}</summary>
        <p>{t('ratings.formula')}</p>
      </details>
      <Show when={failed() && (stats() ?? []).length === 0}>
        <p class="muted">{t('ratings.offline')}</p>
      </Show>
      <Show when={stats() && stats()!.length === 0 && !failed()}>
        <EmptyState title={t('ratings.empty_title')} text={t('ratings.empty_text')} />
      </Show>
      <Show when={agencyIds().length > 0}>
        <div class="field">
          <label for="ratings-agency">{t('ratings.agency')}</label>
          <select
            id="ratings-agency"
            class="select"
            value={agency()}
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            <For each={agencyIds()}>{(id) => <option value={id}>{agencyName(id)}</option>}</For>
          </select>
        </div>
        {/* Focusable: it scrolls sideways where its table is wider than the screen. */}
        <section class="group table-scroll" tabindex="0" aria-labelledby="ratings-trend">
          <h2 id="ratings-trend">{t('ratings.trend', { agency: agencyName(agency()) })}</h2>
          <TrendChart
            title={t('ratings.chart_title', { agency: agencyName(agency()) })}
            points={byMonth().map((m) => ({ label: monthLabel(m.month), value: m.index }))}
          />
          <table class="table">
            <caption class="visually-hidden">{t('ratings.chart_title', { agency: agencyName(agency()) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.month')}</th>
                <th scope="col">{t('ratings.answers')}</th>
                <th scope="col">{t('ratings.index')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={byMonth()}>
                {(m) => (
                  <tr>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td>{formatNumber(m.answers)}</td>
                    <td>{indexText(m.index)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
        {/* Focusable: it scrolls sideways where its table is wider than the screen. */}
        <section class="group table-scroll" tabindex="0" aria-labelledby="ratings-services">
          <h2 id="ratings-services">{t('ratings.services')}</h2>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('ratings.service')}</th>
                <th scope="col">{t('ratings.question_label')}</th>
                <th scope="col">{t('ratings.answers')}</th>
                <th scope="col">{t('ratings.index')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={byService()}>
                {(s) => (
                  <tr>
                    <th scope="row">{subName(s.id)}</th>
                    <td>{t(`ratings.question.${s.question}`)}</td>
                    <td>{formatNumber(s.answers)}</td>
                    <td>{indexText(s.index)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
        <p>
          <a class="text-link" href="/api/stats/services?format=csv" download="minu-riik-service-ratings.csv">
            {t('ratings.download')}
          </a>
        </p>
        <p class="muted">{t('ratings.explain')}</p>
      </Show>
    </Page>
  );
}
