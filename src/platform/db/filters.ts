import { type SelectQueryBuilder, sql } from 'kysely';

/**
 * The WHERE pieces every ledger list builds from its filter, written once. Columns are given as
 * `alias.column` strings (the stores' own aliases); each piece adds the same condition the
 * stores wrote by hand, so the SQL and its parameters are unchanged.
 */

/** 临期 / 逾期: the due state a ledger list may be filtered by. */
export type DueFilter = 'dueSoon' | 'overdue';

/** A keyword matched (`like`, anywhere) against any of `columns`; the query as it was without one. */
function whereKeyword<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  text: string | undefined,
  columns: readonly string[],
): SelectQueryBuilder<DB, TB, O> {
  if (!text || columns.length === 0) return q;
  const like = `%${text}%`;
  return q.where((eb) => eb.or(columns.map((c) => eb(sql.ref(c), 'like', like))));
}

/** `orgId` → `org_id`: a filter's key as its column's name. */
const columnOf = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * `alias.<key in snake case> = value` for each of `keys` the filter sets: a yes/no whenever it is
 * given (false is a choice), anything else when it is not empty.
 */
function whereEquals<DB, TB extends keyof DB, O, F extends object>(
  q: SelectQueryBuilder<DB, TB, O>,
  alias: string,
  f: F,
  keys: readonly (keyof F & string)[],
): SelectQueryBuilder<DB, TB, O> {
  let out = q;
  for (const key of keys) {
    const value: unknown = f[key];
    if (typeof value === 'boolean' || value)
      out = out.where(sql.ref(`${alias}.${columnOf(key)}`), '=', value);
  }
  return out;
}

/** `column` from `from` to `to`, both ends included, each only when given. */
function whereBetween<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  column: string,
  from: string | undefined,
  to: string | undefined,
): SelectQueryBuilder<DB, TB, O> {
  let out = q;
  if (from) out = out.where(sql.ref(column), '>=', from);
  if (to) out = out.where(sql.ref(column), '<=', to);
  return out;
}

/** What a ledger list is filtered by, as `whereFilter` reads its filter. */
export interface FilterSpec<F> {
  /** the columns the keyword `q` is matched against */
  keyword?: readonly string[];
  /** the filter's keys compared for equality, each on its own column of the alias */
  equals?: readonly (keyof F & string)[];
  /** a date column and the filter's keys for its first and last day */
  range?: readonly [column: string, from: keyof F & string, to: keyof F & string];
}

/**
 * A ledger list's filter as WHERE conditions on `q` (the keyword, the equalities, the date
 * range, in that order), each only when the filter sets it.
 */
export function whereFilter<DB, TB extends keyof DB, O, F extends object>(
  q: SelectQueryBuilder<DB, TB, O>,
  alias: string,
  f: F,
  spec: FilterSpec<F>,
): SelectQueryBuilder<DB, TB, O> {
  // the keyword is the filter's `q` (a list without a keyword box names no keyword columns)
  const text = (f as { q?: string | undefined }).q;
  const out = whereEquals(whereKeyword(q, text, spec.keyword ?? []), alias, f, spec.equals ?? []);
  if (!spec.range) return out;
  const [column, from, to] = spec.range;
  return whereBetween(out, column, f[from] as string | undefined, f[to] as string | undefined);
}

/**
 * The SQL twin of a due state on a date column (`clock` dueState): 逾期 before `today`; 临期 from
 * `today` to `warnDays` days after it (the last day runs to its end).
 */
export function whereDueOn<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  column: string,
  due: DueFilter | undefined,
  today: string,
  warnDays: number,
): SelectQueryBuilder<DB, TB, O> {
  const col = sql.ref(column);
  if (due === 'overdue') return q.where(col, '<', today);
  if (due === 'dueSoon')
    return q.where(col, '>=', today).where(sql<boolean>`${col} <= ${today}::date + ${warnDays}::int`);
  return q;
}
