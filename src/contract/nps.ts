/**
 * The recommendation index (NPS) as Estonian public bodies use it: the share of promoters (9–10) minus
 * the share of detractors (0–6), in whole points from −100 to +100. Fewer than 10 answers say too
 * little (and could reveal who answered): then there is no index.
 */
export const MIN_ANSWERS = 10;

export type ScoreGroup = 'promoter' | 'passive' | 'detractor';

export function scoreGroup(score: number): ScoreGroup {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`score ${score} is not 0–10`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export interface ScoreCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Rounded half away from zero, so +x.5 and −x.5 are treated alike. */
export function recommendationIndex({ promoters, passives, detractors }: ScoreCounts): number | null {
  const total = promoters + passives + detractors;
  if (total < MIN_ANSWERS) return null;
  const value = (100 * (promoters - detractors)) / total;
  return Math.sign(value) * Math.round(Math.abs(value)) + 0;
}

export function countScores(scores: number[]): ScoreCounts {
  const counts: ScoreCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const group = scoreGroup(score);
    counts[group === 'promoter' ? 'promoters' : group === 'passive' ? 'passives' : 'detractors'] += 1;
  }
  return counts;
}
