/**
 * SQL built from pieces with values kept apart from the text: `sql\`a = ${value}\`` is a fragment
 * whose value becomes a parameter, and a fragment inside another is spliced in. Parameters are
 * numbered only when the whole statement is rendered, in the order they appear, so each piece can be
 * written on its own and a value that ends up unused is never sent (PostgreSQL cannot type those).
 */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Text that goes in as it is: identifiers and keywords of the code, never a value from outside. */
export const raw = (text: string): Sql => new Sql([text], []);

export function join(items: readonly Sql[], separator: string): Sql {
  if (items.length === 0) return raw('');
  return new Sql(['', ...items.slice(1).map(() => separator), ''], items);
}

/** The statement's text with `$1`, `$2` … and its parameters, for `Queryable.query`. */
export function toQuery(statement: Sql): [string, unknown[]] {
  const params: unknown[] = [];
  const render = (s: Sql): string =>
    s.parts.reduce((text, part, i) => {
      if (i === 0) return part;
      const value = s.values[i - 1];
      if (value instanceof Sql) return text + render(value) + part;
      params.push(value);
      return `${text}$${params.length}${part}`;
    }, '');
  return [render(statement), params];
}
