import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Page } from '../../ui/Page';
import './more.css';

export default function AccessibilityStatement() {
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <section class="prose">
        <h2>{t('accessibility.status_title')}</h2>
        <p>{t('accessibility.status_text')}</p>
        <h2>{t('accessibility.features_title')}</h2>
        <p>{t('accessibility.features_text')}</p>
        <p>{t('accessibility.reflow_text')}</p>
        <h2>{t('accessibility.feedback_title')}</h2>
        <p>{t('accessibility.feedback_text')}</p>
        <p>
          <a class="text-link" href="mailto:ligipaasetavus@minuriik.example">
            ligipaasetavus@minuriik.example
          </a>
        </p>
        <h2>{t('accessibility.enforcement_title')}</h2>
        <p>{t('accessibility.enforcement_text')}</p>
        <p class="muted">{t('accessibility.prepared', { date: formatDate('2026-11-21') })}</p>
      </section>
    </Page>
  );
}
