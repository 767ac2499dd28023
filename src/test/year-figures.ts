import type { Scope } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';
import type { MetricDefinition, MetricQuery } from '../platform/metrics/types.js';
import '../domains/org/tables.js';
import { metricIn } from './metrics.js';

/** A year's figures over every org of the tree, about its root, in `scope` (a seed test's question). */
export async function wholeTreeYear(
  db: Db,
  rootId: string,
  year: number,
  scope: Scope,
): Promise<MetricQuery> {
  const all = await db.selectFrom('org').select('id').execute();
  return {
    scope,
    orgId: rootId,
    orgIds: all.map((o) => o.id),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  };
}

/** The value of the metric `id` of `list` over `q`; an id the list lacks fails the test. */
export async function metricValue(
  list: readonly MetricDefinition[],
  id: string,
  db: Db,
  q: MetricQuery,
): Promise<number | null> {
  return (await metricIn(list)(id).compute(db, q)).value;
}
