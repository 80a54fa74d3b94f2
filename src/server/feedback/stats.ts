import type { ServiceStatsRow } from '../../contract/feedback';
import { MIN_ANSWERS, recommendationIndex } from '../../contract/nps';
import type { Queryable } from '../db/database';

interface StatsDbRow {
  month: string;
  sub_service_id: string;
  agency_id: string;
  event_service_id: string;
  question: ServiceStatsRow['question'];
  answers: string;
  promoters: string;
  passives: string;
  detractors: string;
  smooth_promoters: string;
  smooth_passives: string;
  smooth_detractors: string;
}

/**
 * Open data: per sub-service, agency, month (Tallinn time) and the question asked, how many answered and
 * the indices. The index counts the answers to the question asked; satisfaction counts the smoothness
 * answers (for a "how smooth" question the same ones). No comment and nothing about who answered ever
 * leaves here: under 10 answers, neither the
 * index nor the promoter, passive and detractor counts are given.
 */
export async function serviceStats(db: Queryable): Promise<ServiceStatsRow[]> {
  const { rows } = await db.query<StatsDbRow>(
    `SELECT to_char(answered_at AT TIME ZONE 'Europe/Tallinn', 'YYYY-MM') AS month,
            sub_service_id, agency_id, event_service_id, question,
            count(*) AS answers,
            count(*) FILTER (WHERE score >= 9) AS promoters,
            count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
            count(*) FILTER (WHERE score <= 6) AS detractors,
            count(*) FILTER (WHERE smoothness >= 9) AS smooth_promoters,
            count(*) FILTER (WHERE smoothness BETWEEN 7 AND 8) AS smooth_passives,
            count(*) FILTER (WHERE smoothness <= 6) AS smooth_detractors
     FROM feedback_answers
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 2, 3, 5`,
  );
  return rows.map((r) => {
    const counts = { promoters: Number(r.promoters), passives: Number(r.passives), detractors: Number(r.detractors) };
    // A group too small for an index is too small for its counts too: together they could tell who answered what.
    const shown = counts.promoters + counts.passives + counts.detractors >= MIN_ANSWERS;
    return {
      month: r.month,
      subServiceId: r.sub_service_id,
      agencyId: r.agency_id,
      eventServiceId: r.event_service_id,
      question: r.question,
      answers: Number(r.answers),
      promoters: shown ? counts.promoters : null,
      passives: shown ? counts.passives : null,
      detractors: shown ? counts.detractors : null,
      index: recommendationIndex(counts),
      satisfaction: recommendationIndex({
        promoters: Number(r.smooth_promoters),
        passives: Number(r.smooth_passives),
        detractors: Number(r.smooth_detractors),
      }),
    };
  });
}

const CSV_COLUMNS: (keyof ServiceStatsRow)[] = [
  'month',
  'subServiceId',
  'agencyId',
  'eventServiceId',
  'question',
  'answers',
  'promoters',
  'passives',
  'detractors',
  'index',
  'satisfaction',
];

export function toCsv(rows: ServiceStatsRow[]): string {
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
