import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/contract/langs';
import { MUTATION_TYPES, MUTATIONS, REJECTION_CODES } from '../../src/contract/mutations';
import { mutationHandlers } from '../../src/server/sync/handlers';
import type { MutationHandlers } from '../../src/server/sync/mutations';

describe('mutation contract', () => {
  it('has one server handler per type, and none besides', () => {
    expect(Object.keys(mutationHandlers).sort()).toEqual([...MUTATION_TYPES].sort());
  });

  it('does not typecheck with a handler missing', () => {
    const { 'offer.decline': _left, ...rest } = mutationHandlers;
    // @ts-expect-error offer.decline has no handler
    const incomplete: MutationHandlers = rest;
    expect(Object.keys(incomplete)).not.toContain('offer.decline');
  });

  it('words every refusal in every language (a duplicate id is the app’s fault: “please try again”)', () => {
    for (const lang of LANGS) {
      const reasons = JSON.parse(
        readFileSync(resolve(import.meta.dirname, `../../locales/${lang}/translation.json`), 'utf8'),
      ).sync.reason as Record<string, string>;
      const missing = REJECTION_CODES.filter((code) => code !== 'id_conflict' && !reasons[code]);
      expect(missing, lang).toEqual([]);
    }
  });

  it('checks payloads with the schema of their type', () => {
    const read = MUTATIONS['notification.read'].payload;
    expect(read.safeParse({ notificationId: crypto.randomUUID() }).success).toBe(true);
    expect(read.safeParse({ notificationId: 'x' }).success).toBe(false);
    expect(MUTATIONS['offer.accept'].payload.safeParse({ offerId: crypto.randomUUID(), extra: 1 }).success).toBe(false);
  });
});
