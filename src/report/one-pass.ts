import { sql } from 'kysely';
import type { Db } from '../platform/db/types.js';
import type { GroupedScan, MetricDefinition, MetricQuery } from '../platform/metrics/types.js';

/**
 * Figures in one pass (issue 17, item 4): the metrics that declare the same scan (a table and its
 * date column, with the org subtree, scope and period applied) are computed by one grouped query —
 * `count(*) filter (where …)` or `sum(…) filter (where …)` per figure — instead of one query per
 * figure. A metric's own `compute` stays the per-figure path and its drill-down; a test checks
 * that both give the same value.
 */
export async function onePass(
  db: Db,
  q: MetricQuery,
  defs: readonly MetricDefinition[],
): Promise<Map<string, number>> {
  const byScan = new Map<string, { scan: GroupedScan; defs: MetricDefinition[] }>();
  for (const d of defs) {
    if (!d.grouped) continue;
    const k = d.grouped.scan.key;
    const entry = byScan.get(k) ?? { scan: d.grouped.scan, defs: [] };
    entry.defs.push(d);
    byScan.set(k, entry);
  }
  const out = new Map<string, number>();
  for (const { scan, defs: group } of byScan.values()) {
    const columns = group.map((d, i) => {
      const g = d.grouped;
      if (!g) throw new Error(d.id);
      const agg = g.sum
        ? sql`coalesce(sum(${g.sum.expr}) filter (where ${g.filter(q)}), 0)`
        : sql`count(*) filter (where ${g.filter(q)})`;
      return agg.as(`f${i}`);
    });
    const row = (await scan.from(db, q).select(columns).executeTakeFirstOrThrow()) as Record<string, unknown>;
    group.forEach((d, i) => {
      const raw = Number(row[`f${i}`] ?? 0);
      out.set(d.id, d.grouped?.sum ? d.grouped.sum.scale(raw) : raw);
    });
  }
  return out;
}
