import { sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { ReportedMetricSpec } from '../../report/catalogue.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from '../../report/types.js';
import './tables.js';

/** Accepted figures (of one metric, or all) filed by orgs of the subtree for calls inside the period. */
function acceptedFigures(db: Db, metricId: string | null, q: MetricQuery) {
  const base = db
    .selectFrom('data_call_figure as f')
    .innerJoin('data_call_submission as s', 's.id', 'f.submission_id')
    .innerJoin('data_call as c', 'c.id', 's.call_id')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .where('s.status', '=', 'accepted')
    .where('c.period_from', '>=', q.from)
    .where('c.period_to', '<=', q.to)
    .where(sql<boolean>`f.org_id = any(${[...q.orgIds]}::uuid[])`)
    .where(inScope(q.scope, 's'));
  return metricId === null ? base : base.where('f.metric_id', '=', metricId);
}

/**
 * Every reported metric of one query in two grouped statements (not one per metric): the sum
 * over the subtree, and the scope org's own figure of the latest period (for rates). Memoised
 * per query object, so one computeFigures() call reads the figures once.
 */
const totalsByQuery = new WeakMap<MetricQuery, Promise<Map<string, { total: number; own: number | null }>>>();

function acceptedTotals(db: Db, q: MetricQuery) {
  let p = totalsByQuery.get(q);
  if (!p) {
    p = (async () => {
      const sums = await acceptedFigures(db, null, q)
        .select((eb) => ['f.metric_id', eb.fn.sum<string>('f.value').as('total')])
        .groupBy('f.metric_id')
        .execute();
      const own = await acceptedFigures(db, null, q)
        .where('f.org_id', '=', q.orgId)
        .distinctOn('f.metric_id')
        .select(['f.metric_id', 'f.value'])
        .orderBy('f.metric_id')
        .orderBy('c.period_to', 'desc')
        .execute();
      const ownBy = new Map(own.map((r) => [r.metric_id, Number(r.value)]));
      return new Map(
        sums.map((r) => [r.metric_id, { total: Number(r.total), own: ownBy.get(r.metric_id) ?? null }]),
      );
    })();
    totalsByQuery.set(q, p);
  }
  return p;
}

/**
 * A reported metric: the accepted filed figure summed over the subtree (counts), or — for rates
 * and ratios, which do not add up — the figure the scope org itself filed for the latest period.
 */
export function reportedMetric(
  spec: Pick<ReportedMetricSpec, 'id' | 'name' | 'unit' | 'definition' | 'group' | 'additive'>,
): MetricDefinition {
  return {
    id: spec.id,
    name: spec.name,
    unit: spec.unit,
    definition: spec.definition,
    domain: spec.group,
    source: 'reported',
    additive: spec.additive,
    async compute(db, q) {
      const all = await acceptedTotals(db, q);
      const t = all.get(spec.id);
      const value = t === undefined ? null : spec.additive ? t.total : t.own;
      return { value, records: () => reportedRecords(db, spec.id, q, spec.additive) };
    },
  };
}

async function reportedRecords(
  db: Db,
  metricId: string,
  q: MetricQuery,
  additive: boolean,
): Promise<DrillRecord[]> {
  let query = acceptedFigures(db, metricId, q);
  if (!additive) query = query.where('f.org_id', '=', q.orgId);
  const rows = await query
    .select([
      'f.id',
      'f.org_id',
      'o.name as org_name',
      'f.value',
      'f.unit',
      'f.evidence_text',
      'f.evidence_hash',
      'c.title',
      'c.period_to',
      's.reviewed_at',
    ])
    .orderBy('o.path')
    .orderBy('c.period_to')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: `${r.org_name} 填报 ${Number(r.value)}${r.unit}`,
    date: r.period_to,
    value: Number(r.value),
    source: `数据填报:${r.title}(已采纳)`,
    evidence:
      [r.evidence_text, r.evidence_hash ? `附件 sha256:${r.evidence_hash}` : null]
        .filter(Boolean)
        .join(';') || undefined,
  }));
}

/** Reported metrics the office defined inside a form (ids 'custom.…'). */
export async function listCustomMetrics(db: Db): Promise<MetricDefinition[]> {
  const rows = await db
    .selectFrom('reported_metric')
    .select(['id', 'name', 'unit', 'definition', 'additive'])
    .orderBy('id')
    .execute();
  return rows.map((r) => reportedMetric({ ...r, group: 'custom' }));
}
