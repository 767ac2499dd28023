import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../db/types.js';
import { inScope } from '../scope.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from './types.js';

/**
 * The pieces every domain's figures are built from: the subtree, scope and period conditions of a
 * ledger query, and the two shapes of a computed count (counted from its drill-down records, or
 * counted by a query with the records read only when drilled into).
 */

/** `col` (an org id) is the figure's org or one below it. */
export const inOrgs = (col: string, q: MetricQuery): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(col)} = any(${[...q.orgIds]}::uuid[])`;

/** The rows of `alias` that belong to the figure's org subtree and lie in the caller's scope. */
export const inSubtree = (alias: string, q: MetricQuery): RawBuilder<boolean> =>
  sql<boolean>`(${inOrgs(`${alias}.org_id`, q)} and ${inScope(q.scope, alias)})`;

/** A date column inside the period, both days included. */
export const inPeriod = (col: string, q: MetricQuery): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(col)} between ${q.from}::date and ${q.to}::date`;

/** The number of rows a query selects. */
// biome-ignore lint/suspicious/noExplicitAny: any ledger query, whatever its tables and aliases
export async function countRows(qb: SelectQueryBuilder<any, any, object>): Promise<number> {
  const r = await qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
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
