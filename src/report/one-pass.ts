import { sql } from 'kysely';
import type { Db } from '../platform/db/types.js';
import type { GroupedScan, MetricDefinition, MetricQuery } from '../platform/metrics/types.js';

/** The grouped metrics of a run, by the scan they share (one query each). */
export function groupByScan(
  defs: readonly MetricDefinition[],
): { scan: GroupedScan; defs: MetricDefinition[] }[] {
  const byScan = new Map<string, { scan: GroupedScan; defs: MetricDefinition[] }>();
  for (const d of defs) {
    if (!d.grouped) continue;
    const k = d.grouped.scan.key;
    const entry = byScan.get(k) ?? { scan: d.grouped.scan, defs: [] };
    entry.defs.push(d);
    byScan.set(k, entry);
  }
  return [...byScan.values()];
}

/**
 * One scan's figures in one query: `count(*) filter (where …)` or `sum(…) filter (where …)` per
 * figure. PostgreSQL's JIT compiler is off for the app's sessions (`platform/db/open.ts`): the many
 * filter expressions push the plan's cost over `jit_above_cost`, and compiling them (≈170 ms at a
 * million cases) costs more than evaluating them over a year of rows.
 */
export async function scanPass(
  db: Db,
  q: MetricQuery,
  scan: GroupedScan,
  group: readonly MetricDefinition[],
): Promise<Map<string, number>> {
  const columns = group.map((d) => {
    const g = d.grouped;
    if (!g) throw new Error(`指标“${d.id}”未声明分组统计`);
    if (g.sum) return sql`coalesce(sum(${g.sum.expr}) filter (where ${g.filter(q)}), 0)`;
    return scan.weight
      ? sql`coalesce(sum(${scan.weight}) filter (where ${g.filter(q)}), 0)`
      : sql`count(*) filter (where ${g.filter(q)})`;
  });
  const run = async (x: Db): Promise<Record<string, unknown>> => {
    if (scan.from)
      return (await scan
        .from(x, q)
        .select(columns.map((c, i) => c.as(`f${i}`)))
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
    if (!scan.sql) throw new Error(`分组统计“${scan.key}”没有数据来源`);
    const list = sql.join(columns.map((c, i) => sql`${c} as ${sql.ref(`f${i}`)}`));
    const r = await sql<Record<string, unknown>>`select ${list} ${scan.sql(q)}`.execute(x);
    return r.rows[0] ?? {};
  };
  // one statement: the app's PostgreSQL sessions run with JIT off (platform/db/open.ts)
  const row = await run(db);
  const out = new Map<string, number>();
  group.forEach((d, i) => {
    const raw = Number(row[`f${i}`] ?? 0);
    out.set(d.id, d.grouped?.sum ? d.grouped.sum.scale(raw) : raw);
  });
  return out;
}

/**
 * Figures in one pass (issue 17, item 4): the metrics that declare the same scan (a table and its
 * date column, with the org subtree, scope and period applied) are computed by one grouped query
 * instead of one query per figure. A metric's own `compute` stays the per-figure path and its
 * drill-down; one-pass.test.ts checks that both give the same value for every grouped metric.
 */
export async function onePass(
  db: Db,
  q: MetricQuery,
  defs: readonly MetricDefinition[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { scan, defs: group } of groupByScan(defs))
    for (const [id, v] of await scanPass(db, q, scan, group)) out.set(id, v);
  return out;
}
