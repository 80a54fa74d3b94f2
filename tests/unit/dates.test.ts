import { expect, it } from 'vitest';
import { tallinnDate } from '../../src/contract/dates';

it('is the calendar date in Estonia, which is ahead of UTC by two hours in winter and three in summer', () => {
  expect(tallinnDate(new Date('2026-12-03T21:59:00Z'))).toBe('2026-12-03');
  expect(tallinnDate(new Date('2026-12-03T22:00:00Z'))).toBe('2026-12-04');
  expect(tallinnDate(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30');
  expect(tallinnDate(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
});
