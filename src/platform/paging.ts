import { CompiledQuery, sql } from 'kysely';
import type { Executor } from './db/types.js';

/**
 * `count(*) over ()`: the total of a filtered list in the same query as its page, so a list
 * costs one round trip (on the embedded engine queries run one at a time). For small lists
 * only (org tree, users): it reads every matching row; ledgers use `listTotal`.
 */
export const totalOver = () => sql<number>`count(*) over ()`.as('total_count');

/**
 * The total from a page read with `totalOver()`; an empty page past the end falls back to a
 * separate count.
 */
export async function pageTotal(
  rows: readonly { total_count: number }[],
  offset: number,
  count: () => Promise<number>,
): Promise<number> {
  const first = rows[0];
  if (first) return Number(first.total_count);
  return offset === 0 ? 0 : count();
}

/**
 * How a list's total was obtained: counted exactly; counted up to the cap and more exist
 * ("10,000+"); or the planner's estimate beyond the cap ("约 1,000,000 条").
 */
export type TotalKind = 'exact' | 'atLeast' | 'estimate';

/** The page a list store receives (validation.ts toOffset). */
export interface PageRequest {
  offset: number;
  limit: number;
  exactTotal?: boolean | undefined;
}

export interface ListTotal {
  total: number;
  totalKind: TotalKind;
}

/** Rows a list counts exactly by default; beyond it the total is capped or estimated. */
export const TOTAL_CAP = 10_000;

/**
 * The total of a ledger list without scanning every match: the matching rows are counted up
 * to `TOTAL_CAP` + 1 (an index range read that stops there); past the cap the planner's row
 * estimate of the same query is used when it is larger than the cap, else the total is shown
 * as "cap+". `exact: true` (the list's 精确计数, query `exactTotal=true`) counts every row.
 *
 * `rows` is the list's filtered query (FROM, joins that filter, WHERE — no ORDER BY, no
 * paging), selecting anything; it is wrapped, never changed.
 */
export async function listTotal(
  db: Executor,
  rows: { compile(executorProvider: Executor): CompiledQuery },
  opts: { exactTotal?: boolean | undefined; cap?: number } = {},
): Promise<ListTotal> {
  const cap = opts.cap ?? TOTAL_CAP;
  const q = rows.compile(db);
  if (opts.exactTotal) {
    const r = await db.executeQuery<{ n: string | number }>(
      CompiledQuery.raw(`select count(*) as n from (${q.sql}) as list_rows`, [...q.parameters]),
    );
    return { total: Number(r.rows[0]?.n ?? 0), totalKind: 'exact' };
  }
  const capped = await db.executeQuery<{ n: string | number }>(
    CompiledQuery.raw(`select count(*) as n from (${q.sql} limit ${cap + 1}) as list_rows`, [
      ...q.parameters,
    ]),
  );
  const n = Number(capped.rows[0]?.n ?? 0);
  if (n <= cap) return { total: n, totalKind: 'exact' };
  const estimate = await plannerRows(db, q.sql, q.parameters);
  return estimate > cap
    ? { total: roundEstimate(estimate), totalKind: 'estimate' }
    : { total: cap, totalKind: 'atLeast' };
}

/** The planner's row estimate for a query (EXPLAIN, nothing executed). */
async function plannerRows(db: Executor, text: string, parameters: readonly unknown[]): Promise<number> {
  const r = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
  );
  const raw = r.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
  return Number(plan[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** An estimate shown to three significant figures (it is not a count). */
function roundEstimate(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / step) * step;
}
