import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countScores, recommendationIndex, scoreGroup } from '../../src/contract/nps';

const scores = (promoters: number, passives: number, detractors: number) => [
  ...Array(promoters).fill(10),
  ...Array(passives).fill(8),
  ...Array(detractors).fill(3),
];

describe('recommendation index', () => {
  it('is +20 for 100 answers with 50 promoters and 30 detractors', () => {
    expect(recommendationIndex(countScores(scores(50, 20, 30)))).toBe(20);
  });
  it('is +100 when everyone promotes and −100 when everyone detracts', () => {
    expect(recommendationIndex(countScores(scores(12, 0, 0)))).toBe(100);
    expect(recommendationIndex(countScores(scores(0, 0, 12)))).toBe(-100);
  });
  it('is 0 for only passives', () => {
    expect(recommendationIndex(countScores(scores(0, 10, 0)))).toBe(0);
  });
  it('rounds to whole points, half away from zero', () => {
    expect(recommendationIndex(countScores(scores(3, 8, 0)))).toBe(27); // 27.27
    expect(recommendationIndex(countScores(scores(7, 4, 0)))).toBe(64); // 63.64
    expect(recommendationIndex(countScores(scores(1, 14, 1)))).toBe(0);
    expect(recommendationIndex({ promoters: 1, passives: 7, detractors: 0 })).toBeNull();
    expect(recommendationIndex({ promoters: 1, passives: 199, detractors: 0 })).toBe(1); // 0.5 → 1
    expect(recommendationIndex({ promoters: 0, passives: 199, detractors: 1 })).toBe(-1); // −0.5 → −1
  });
  it('is not given for fewer than 10 answers', () => {
    expect(recommendationIndex(countScores(scores(9, 0, 0)))).toBeNull();
    expect(recommendationIndex(countScores(scores(10, 0, 0)))).toBe(100);
  });
  it('always lies between −100 and +100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 10, maxLength: 300 }), (answers) => {
        const index = recommendationIndex(countScores(answers))!;
        expect(index).toBeGreaterThanOrEqual(-100);
        expect(index).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('score groups', () => {
  it('are 9–10 promoters, 7–8 passives, 0–6 detractors', () => {
    expect([0, 6, 7, 8, 9, 10].map(scoreGroup)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
  it('refuse a score outside 0–10', () => {
    expect(() => scoreGroup(11)).toThrow();
    expect(() => scoreGroup(-1)).toThrow();
    expect(() => scoreGroup(7.5)).toThrow();
  });
});
