import { describe, expect, it } from 'vitest';
import { sessionPhase, warningLead } from '../../src/features/auth/SessionNotices';

const at = (iso: string) => new Date(iso).getTime();
const times = { idleExpiresAt: '2026-11-21T10:30:00Z', absoluteExpiresAt: '2026-11-21T20:00:00Z' };

describe('session timeout warning (WCAG 2.2.1)', () => {
  it('says nothing while the session has time', () => {
    expect(sessionPhase(times, at('2026-11-21T10:00:00Z')).phase).toBe('ok');
    expect(sessionPhase(undefined, at('2026-11-21T10:00:00Z')).phase).toBe('ok');
  });
  it('warns in the last two minutes, with the time left', () => {
    expect(sessionPhase(times, at('2026-11-21T10:28:30Z'))).toEqual({ phase: 'warn', left: 90_000, absolute: false });
  });
  it('knows the session is over once the idle time has run out', () => {
    expect(sessionPhase(times, at('2026-11-21T10:30:01Z')).phase).toBe('over');
  });
  it('warns about the absolute limit, which extending cannot move', () => {
    const late = { idleExpiresAt: '2026-11-21T20:20:00Z', absoluteExpiresAt: '2026-11-21T20:00:00Z' };
    expect(sessionPhase(late, at('2026-11-21T19:59:00Z'))).toEqual({ phase: 'warn', left: 60_000, absolute: true });
  });
  it('warns earlier than two minutes only for very short sessions, and never less than 10 s ahead', () => {
    expect(warningLead(times, at('2026-11-21T10:00:00Z'))).toBe(120_000);
    expect(warningLead({ ...times, idleExpiresAt: '2026-11-21T10:01:00Z' }, at('2026-11-21T10:00:00Z'))).toBe(15_000);
    expect(warningLead({ ...times, idleExpiresAt: '2026-11-21T10:00:20Z' }, at('2026-11-21T10:00:00Z'))).toBe(10_000);
  });
});
