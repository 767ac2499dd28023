import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/types.js';
import { inScope } from '../scope.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from './types.js';

/**
 * The pieces every domain's figures are built from: the subtree, scope and period conditions of a
 * ledger query, and the two shapes of a computed count (counted from its drill-down records, or
 * counted by a query with the records read only when drilled into).
 */

/**
 * `col` (an org id) is the figure's org or one below it. A whole subtree is selected by its path
 * prefix (`org_path_idx`), not by sending every id: at a province (5,300 orgs) planning a
 * statement with the ids as an array took ~30 ms each, over a hundred statements per run.
 */
export const inOrgs = (col: string, q: MetricQuery): RawBuilder<boolean> =>
  q.subtreePath === undefined
    ? sql<boolean>`${sql.ref(col)} = any(${[...q.orgIds]}::uuid[])`
    : sql<boolean>`${sql.ref(col)} in (select subtree_org.id from org as subtree_org where subtree_org.path like ${likePrefix(q.subtreePath)})`;

/** A LIKE pattern matching the strings that start with `prefix` (its own % and _ taken literally). */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The rows of `alias` that belong to the figure's org subtree and lie in the caller's scope. */
export const inSubtree = (alias: string, q: MetricQuery): RawBuilder<boolean> =>
  sql<boolean>`(${inOrgs(`${alias}.org_id`, q)} and ${inScope(q.scope, alias)})`;

/** A date column inside the period, both days included. */
export const inPeriod = (col: string, q: MetricQuery): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(col)} between ${q.from}::date and ${q.to}::date`;

/** The number of rows a query selects. */
export async function countRows<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
): Promise<number> {
  const r = await qb.select(sql<number>`count(*)`.as('n')).$castTo<{ n: number }>().executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A computed figure's definition without its computation (additive unless it says). */
export type CountSpec = Omit<MetricDefinition, 'compute' | 'source' | 'additive'> & { additive?: boolean };
export type Records = (db: Db, q: MetricQuery) => Promise<DrillRecord[]>;

/** A count from its records: the value is the sum of their contributions (1 each unless they say); none = 0. */
export function countedRecords(spec: CountSpec, records: Records): MetricDefinition {
  return {
    ...spec,
    source: 'computed',
    additive: spec.additive ?? true,
    async compute(db, q) {
      const rows = await records(db, q);
      return { value: rows.reduce((s, r) => s + (r.value ?? 1), 0), records: async () => rows };
    },
  };
}

/** A count by a query (`count`), its records read only when the figure is drilled into. */
export function countedBy(
  spec: CountSpec,
  count: (db: Db, q: MetricQuery) => Promise<number>,
  records: Records,
): MetricDefinition {
  return {
    ...spec,
    source: 'computed',
    additive: spec.additive ?? true,
    async compute(db, q) {
      return { value: await count(db, q), records: () => records(db, q) };
    },
  };
}

/**
 * A count by a query whose drill-down lists the same rows: `rows` is the figure's filtered query
 * (FROM, joins, WHERE), written once; the value counts it and `records` selects and orders it
 * when the figure is drilled into, so the two can never count different rows.
 */
export function countedQuery<DB, TB extends keyof DB, O>(
  spec: CountSpec,
  rows: (db: Db, q: MetricQuery) => SelectQueryBuilder<DB, TB, O>,
  records: (rows: SelectQueryBuilder<DB, TB, O>, q: MetricQuery) => Promise<DrillRecord[]>,
): MetricDefinition {
  return countedBy(
    spec,
    (db, q) => countRows(rows(db, q)),
    (db, q) => records(rows(db, q), q),
  );
}

/** The orgs among a figure's rows, one record each in the order they first appear (a count of units). */
export function orgRecords(rows: readonly { org_id: string; org_name: string }[]): DrillRecord[] {
  return [...new Map(rows.map((r) => [r.org_id, r.org_name]))].map(([id, name]) => ({
    id,
    orgId: id,
    orgName: name,
    label: name,
    date: null,
  }));
}
