import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Page } from '../../ui/Page';
import { APP_EMAIL } from '../help/contacts';

/** The day of the last full check (every screen by axe in four languages, keyboard journeys). */
const LAST_CHECKED = '2026-12-03';
const PREPARED = '2026-11-21';
/** Known gaps: reflow at 320 and 256 px is gated now (reflow.test.ts); rule-based hyphens remain. */
const GAPS = ['accessibility.gap_hyphens'];

import './more.css';

export default function AccessibilityStatement() {
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <section class="prose">
        <h2>{t('accessibility.status_title')}</h2>
        <p>
          <strong>{t('accessibility.status_value')}</strong>
        </p>
        <p>{t('accessibility.status_text')}</p>
        <h2>{t('accessibility.gaps_title')}</h2>
        <ul>
          {GAPS.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ul>
        <p>{t('accessibility.gaps_fix')}</p>
        <h2>{t('accessibility.checked_title')}</h2>
        <p>{t('accessibility.checked_text', { date: formatDate(LAST_CHECKED) })}</p>
        <h2>{t('accessibility.features_title')}</h2>
        <p>{t('accessibility.features_text')}</p>
        <p>{t('accessibility.reflow_text')}</p>
        <h2>{t('accessibility.feedback_title')}</h2>
        <p>{t('accessibility.feedback_text')}</p>
        <p>
          <a class="text-link" href={`mailto:${APP_EMAIL}`}>
            {APP_EMAIL}
          </a>
        </p>
        <h2>{t('accessibility.enforcement_title')}</h2>
        <p>{t('accessibility.enforcement_text')}</p>
        <p class="muted">{t('accessibility.prepared', { date: formatDate(PREPARED) })}</p>
      </section>
    </Page>
  );
}
