import { CompiledQuery, type SelectQueryBuilder, sql } from 'kysely';
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

/** A column the user chose to sort a list by (`parseSort`). */
export interface ListSort {
  column: string;
  direction: 'asc' | 'desc';
}

/**
 * A list ordered by the column the user chose, empty values last, then by `tieBreak` (a unique
 * column) so that consecutive pages neither overlap nor skip a row.
 */
export function sortedBy<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  sort: ListSort,
  tieBreak: string,
): SelectQueryBuilder<DB, TB, O> {
  return q
    .orderBy(sql.ref(sort.column), (ob) => (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy(sql.ref(tieBreak));
}

/**
 * One page of a small list and its total in one query (`totalOver`): `filtered` is the list
 * without order or paging, `order` puts it in the list's order. Only an empty page past the
 * end costs a second query (the count).
 */
export async function pageWithTotal<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  order: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
  page: { offset: number; limit: number },
) {
  const rows = await order(filtered)
    .select(totalOver())
    .$castTo<O & { total_count: number }>()
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await pageTotal(rows, page.offset, async () => {
    const r = await filtered
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .$castTo<{ n: number }>()
      .executeTakeFirstOrThrow();
    return Number(r.n);
  });
  return { rows, total };
}

/**
 * One page of a small list and its total (`pageWithTotal`), in the order the user chose
 * (`sortedBy`, then `tieBreak`) or, when none is chosen, in the list's own `byDefault`.
 */
export function sortedPageWithTotal<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  page: { offset: number; limit: number },
  sort: ListSort | null,
  tieBreak: string,
  byDefault: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, O>,
) {
  return pageWithTotal(filtered, (q) => (sort ? sortedBy(q, sort, tieBreak) : byDefault(q)), page);
}

/** A list's query as its count (`n`): the same FROM and WHERE, selecting only `count(*)`. */
export function countOf<DB, TB extends keyof DB, O>(filtered: SelectQueryBuilder<DB, TB, O>) {
  return filtered.clearSelect().select(sql<string>`count(*)`.as('n'));
}

/**
 * One page of a list and its exact total, read at once (two statements): `ordered` is the list in
 * its order, `counted` answers the count as `n` (`countOf`, or a leaner query of the same rows).
 */
export async function pageAndCount<R>(
  ordered: Pageable<R>,
  counted: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> },
  page: { offset: number; limit: number },
): Promise<{ rows: R[]; total: number }> {
  const [rows, count] = await Promise.all([
    ordered.offset(page.offset).limit(page.limit).execute(),
    counted.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** An ordered query that can be read a slice at a time (a Kysely select). */
interface Pageable<R> {
  offset(n: number): Pageable<R>;
  limit(n: number): Pageable<R>;
  execute(): Promise<R[]>;
}

/**
 * Every row of a list read one page at a time: `read` answers a page's rows and whether the list
 * ends with it (a short page always does). Exports stream whole ledgers this way.
 */
export async function* pageByPage<R>(
  read: (page: { offset: number; limit: number }) => Promise<{ rows: readonly R[]; last: boolean }>,
  size = 500,
): AsyncGenerator<R> {
  for (let offset = 0; ; offset += size) {
    const { rows, last } = await read({ offset, limit: size });
    yield* rows;
    if (rows.length < size || last) return;
  }
}

/**
 * Every row of an ordered query, read `size` rows at a time (an export streams a whole
 * ledger without holding it in memory). The order must end on a unique column.
 */
export function inBatches<R>(ordered: Pageable<R>, size = 500): AsyncGenerator<R> {
  return pageByPage(
    async (p) => ({ rows: await ordered.offset(p.offset).limit(p.limit).execute(), last: false }),
    size,
  );
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
 * A counting budget for the big ledgers, in the planner's cost units (reading one page in
 * sequence = 1): about 20,000 entries of an index read alone, or 1,500 rows fetched from
 * scattered pages (a common keyword's matches through a GIN index).
 */
export const COUNT_BUDGET = 2_000;

/**
 * The total of a ledger list without scanning every match: the matching rows are counted up
 * to `TOTAL_CAP` + 1 (an index range read that stops there); past the cap the planner's row
 * estimate of the same query is used when it is larger than the cap, else the total is shown
 * as "cap+". `exact: true` (the list's 精确计数, query `exactTotal=true`) counts every row.
 *
 * With a `budget` (the case ledger: `COUNT_BUDGET`) the planner is asked first, by one EXPLAIN
 * of the capped count: a list it estimates at more than twice the cap, or whose count would
 * cost more than the budget (thousands of matches only a scattered read could count), answers
 * its estimate ("约 5,130 条") without counting. `settleTotal` then corrects a total by the page
 * itself (a page that is not full ends the list).
 *
 * `rows` is the list's filtered query (FROM, joins that filter, WHERE — no ORDER BY, no
 * paging), selecting anything; it is wrapped, never changed.
 */
export async function listTotal(
  db: Executor,
  rows: { compile(executorProvider: Executor): CompiledQuery },
  opts: { exactTotal?: boolean | undefined; cap?: number; budget?: number } = {},
): Promise<ListTotal> {
  const cap = opts.cap ?? TOTAL_CAP;
  const q = rows.compile(db);
  const count = async (text: string) => {
    const r = await db.executeQuery<{ n: string | number }>(CompiledQuery.raw(text, [...q.parameters]));
    return Number(r.rows[0]?.n ?? 0);
  };
  if (opts.exactTotal)
    return { total: await count(`select count(*) as n from (${q.sql}) as list_rows`), totalKind: 'exact' };
  const capped = cappedCount(q.sql, cap);
  let planned: number | undefined;
  if (opts.budget !== undefined) {
    const plan = await budgetPlan(db, capped, q.parameters);
    const estimate = overBudget(plan, cap, opts.budget);
    if (estimate) return estimate;
    planned = plan.rows;
  }
  const n = await count(capped);
  if (n <= cap) return { total: n, totalKind: 'exact' };
  return pastCap(db, capped, q.parameters, cap, planned);
}

/** The count of a list's first `cap` + 1 rows (an index range read that stops there). */
function cappedCount(listSql: string, cap: number): string {
  return `select count(*) as n from (${listSql} limit ${cap + 1}) as list_rows`;
}

/**
 * A budgeted list the planner finds too dear to count (more than twice the cap, or a cost over
 * the budget): its estimate instead; undefined when counting is allowed.
 */
function overBudget(
  plan: { rows: number; cost: number },
  cap: number,
  budget: number,
): ListTotal | undefined {
  return plan.rows > 2 * cap || plan.cost > budget
    ? { total: roundEstimate(plan.rows), totalKind: 'estimate' }
    : undefined;
}

/** How long the planner's view of one list's count is reused (`budgetPlan`). */
export const PLAN_TTL_MS = 10_000;
const MAX_PLANS = 1000;
const plans = new WeakMap<Executor, Map<string, { at: number; rows: number; cost: number }>>();

/**
 * `countPlan` of a budgeted list, kept for `PLAN_TTL_MS` per statement and parameters: the
 * estimate comes from the table's statistics, which change only when it is analyzed, so asking
 * again on every page of the same list costs a round trip and tells nothing new. The count
 * itself, when the plan allows one, is always taken afresh.
 */
async function budgetPlan(
  db: Executor,
  text: string,
  parameters: readonly unknown[],
): Promise<{ rows: number; cost: number }> {
  const byText = plans.get(db) ?? new Map<string, { at: number; rows: number; cost: number }>();
  plans.set(db, byText);
  const key = `${text}\u0000${JSON.stringify(parameters)}`;
  const hit = byText.get(key);
  if (hit && Date.now() - hit.at < PLAN_TTL_MS) return hit;
  const plan = await countPlan(db, text, parameters);
  if (byText.size >= MAX_PLANS) byText.clear();
  byText.set(key, { at: Date.now(), ...plan });
  return plan;
}

/**
 * A budgeted list's total decided before any counting (see `listTotal`'s `budget`): the
 * planner's estimate when counting would be too dear, else `count` with the planner's row
 * estimate (for `pageAndTotal`'s `planned`). Usually no statement at all (`budgetPlan`).
 */
export async function plannedTotal<RDB, RTB extends keyof RDB, RO>(
  db: Executor,
  rows: SelectQueryBuilder<RDB, RTB, RO>,
  budget: number,
): Promise<{ estimate: ListTotal } | { count: number }> {
  const q = rows.compile();
  const plan = await budgetPlan(db, cappedCount(q.sql, TOTAL_CAP), q.parameters);
  const estimate = overBudget(plan, TOTAL_CAP, budget);
  return estimate ? { estimate } : { count: plan.rows };
}

/**
 * The planner's estimate of a list's rows (`rows` as for `listTotal`), without counting: the
 * same EXPLAIN as a budgeted count's, kept as long (`budgetPlan`).
 */
export async function plannedRows<RDB, RTB extends keyof RDB, RO>(
  db: Executor,
  rows: SelectQueryBuilder<RDB, RTB, RO>,
): Promise<number> {
  const q = rows.compile();
  return (await budgetPlan(db, cappedCount(q.sql, TOTAL_CAP), q.parameters)).rows;
}

/** A list that counted more than the cap: the planner's estimate if it is larger, else "cap+". */
async function pastCap(
  db: Executor,
  capped: string,
  parameters: readonly unknown[],
  cap: number,
  planned?: number,
): Promise<ListTotal> {
  const rows = planned ?? (await countPlan(db, capped, parameters)).rows;
  return rows > cap
    ? { total: roundEstimate(rows), totalKind: 'estimate' }
    : { total: cap, totalKind: 'atLeast' };
}

/**
 * A ledger page and its total in one statement: the capped count of `rows` (counted as
 * `listTotal` counts it, up to `TOTAL_CAP` + 1, or every row with `exactTotal`) rides on the
 * page as an uncorrelated scalar subquery, which PostgreSQL runs once. The embedded engine runs
 * one statement at a time and a busy pool queues each one, so a list costs one round trip
 * instead of two. A second statement is needed only past the cap (the planner's estimate) or
 * for an empty page after the first (its total cannot ride on a row).
 *
 * `pageQuery` is the page (order, offset and limit applied); `rows` is the list's filtered
 * query without order or paging, selecting anything, as for `listTotal`.
 */
export async function pageAndTotal<DB, TB extends keyof DB, O, RDB, RTB extends keyof RDB, RO>(
  db: Executor,
  pageQuery: SelectQueryBuilder<DB, TB, O>,
  rows: SelectQueryBuilder<RDB, RTB, RO>,
  page: PageRequest,
  planned?: number,
): Promise<{ rows: O[] } & ListTotal> {
  const counted = page.exactTotal ? rows : rows.limit(TOTAL_CAP + 1);
  const got = await pageQuery
    .select(sql<string | number>`(select count(*) from (${counted}) as list_rows)`.as('list_total'))
    .$castTo<O & { list_total: string | number }>()
    .execute();
  const first = got[0];
  if (!first)
    return page.offset === 0
      ? { rows: [], total: 0, totalKind: 'exact' }
      : {
          rows: [],
          ...(await listTotal(db, rows, page)),
        };
  const n = Number(first.list_total);
  if (page.exactTotal || n <= TOTAL_CAP) return { rows: got, total: n, totalKind: 'exact' };
  const q = rows.compile();
  return {
    rows: got,
    ...(await pastCap(db, cappedCount(q.sql, TOTAL_CAP), q.parameters, TOTAL_CAP, planned)),
  };
}

/**
 * One page of a ledger and its total (`listTotal`), read at once: `filtered` is the list's query
 * without order or paging, `ordered` adds what the page selects and its order.
 */
export async function ledgerPage<Q extends { compile(executorProvider: Executor): CompiledQuery }, R>(
  db: Executor,
  filtered: Q,
  page: PageRequest,
  ordered: (q: Q) => Pageable<R>,
): Promise<{ rows: R[] } & ListTotal> {
  const [rows, total] = await Promise.all([
    ordered(filtered).offset(page.offset).limit(page.limit).execute(),
    listTotal(db, filtered, page),
  ]);
  return { rows, ...total };
}

/**
 * A list's total corrected by its page: a page shorter than the limit (and not past the end)
 * ends the list, so the total is exact; an estimate below the rows already seen is raised.
 */
export function settleTotal(total: ListTotal, page: PageRequest, pageRows: number): ListTotal {
  const seen = page.offset + pageRows;
  if (pageRows < page.limit && (pageRows > 0 || page.offset === 0))
    return { total: seen, totalKind: 'exact' };
  return pageRows > 0 && total.totalKind !== 'exact' && total.total < seen
    ? { ...total, total: seen }
    : total;
}

interface PlanNode {
  'Node Type'?: string;
  'Plan Rows'?: number;
  'Total Cost'?: number;
  Plans?: PlanNode[];
}

/**
 * The planner's view of a capped count (EXPLAIN, nothing executed): its cost, and the rows of
 * the list under the LIMIT (the estimate of the whole list).
 */
async function countPlan(
  db: Executor,
  text: string,
  parameters: readonly unknown[],
): Promise<{ rows: number; cost: number }> {
  const r = await db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]),
  );
  const raw = r.rows[0]?.['QUERY PLAN'];
  const top = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: PlanNode }[])[0]?.Plan ?? {};
  const underLimit = (n: PlanNode): PlanNode | undefined =>
    n['Node Type'] === 'Limit' ? n.Plans?.[0] : (n.Plans ?? []).map(underLimit).find((x) => x);
  return { rows: Number(underLimit(top)?.['Plan Rows'] ?? 0), cost: Number(top['Total Cost'] ?? 0) };
}

/** An estimate shown to three significant figures (it is not a count). */
function roundEstimate(n: number): number {
  if (n < 1) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / step) * step;
}

/** Each row of `rows`, converted. */
export async function* mapRows<T, R>(rows: AsyncIterable<T>, f: (row: T) => R): AsyncIterable<R> {
  for await (const row of rows) yield f(row);
}
