import { describe, expect, it } from 'vitest';
import { join, raw, sql, toQuery } from '../../src/server/db/sql';

describe('the SQL template tag', () => {
  it('numbers values in the order they appear, across nested fragments', () => {
    const inner = sql`b = ${2} AND c = ${'three'}`;
    expect(toQuery(sql`SELECT ${1}, (${inner}) WHERE d = ${[4]}`)).toEqual([
      'SELECT $1, (b = $2 AND c = $3) WHERE d = $4',
      [1, 2, 'three', [4]],
    ]);
  });

  it('sends only the values of the fragments used', () => {
    const vars = { used: sql`y = ${'once'}`, unused: sql`x = ${'never'}` };
    expect(toQuery(sql`SELECT 1 WHERE ${vars.used}`)).toEqual(['SELECT 1 WHERE y = $1', ['once']]);
  });

  it('joins fragments and keeps raw text as it is', () => {
    const parts = [sql`a = ${1}`, raw('b IS NULL'), sql`c = ${3}`];
    expect(toQuery(join(parts, ' AND '))).toEqual(['a = $1 AND b IS NULL AND c = $2', [1, 3]]);
    expect(toQuery(join([], ', '))).toEqual(['', []]);
  });

  it('never puts a value into the text', () => {
    const [text, params] = toQuery(sql`SELECT ${"'; DROP TABLE persons; --"}`);
    expect(text).toBe('SELECT $1');
    expect(params).toEqual(["'; DROP TABLE persons; --"]);
  });
});
