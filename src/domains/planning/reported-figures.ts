import type { Db } from '../../platform/db/types.js';
import { inOrgs } from '../../platform/metrics/builders.js';
import { inScope } from '../../platform/scope.js';
import type { ReportedMetricSpec } from './catalogue.js';
import type { MetricDefinition, MetricKind, MetricQuery } from '../../platform/metrics/types.js';
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
    .where(inOrgs('f.org_id', q))
    .where(inScope(q.scope, 's'));
  return metricId === null ? base : base.where('f.metric_id', '=', metricId);
}

/** One accepted filing as the roll-up reads it. */
interface Filing {
  id: string;
  metricId: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  value: number;
  unit: string;
  qualifier: string;
  from: string;
  to: string;
  reviewedAt: number;
  title: string;
  evidence: string | undefined;
}

const filingsByQuery = new WeakMap<MetricQuery, Promise<Map<string, Filing[]>>>();

/** Every accepted filing of the subtree for periods inside the query's, read once per query. */
function filings(db: Db, q: MetricQuery): Promise<Map<string, Filing[]>> {
  let p = filingsByQuery.get(q);
  if (!p) {
    p = (async () => {
      const rows = await acceptedFigures(db, null, q)
        .select([
          'f.id',
          'f.metric_id',
          'f.org_id',
          'o.name as org_name',
          'o.path as org_path',
          'f.value',
          'f.unit',
          'f.qualifier',
          'f.evidence_text',
          'f.evidence_hash',
          'c.title',
          'c.period_from',
          'c.period_to',
          's.reviewed_at',
        ])
        .execute();
      const out = new Map<string, Filing[]>();
      for (const r of rows) {
        const list = out.get(r.metric_id) ?? [];
        list.push({
          id: r.id,
          metricId: r.metric_id,
          orgId: r.org_id,
          orgName: r.org_name,
          orgPath: r.org_path,
          value: Number(r.value),
          unit: r.unit,
          qualifier: r.qualifier,
          from: r.period_from,
          to: r.period_to,
          reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).getTime() : 0,
          title: r.title,
          evidence:
            [r.evidence_text, r.evidence_hash ? `附件 sha256:${r.evidence_hash}` : null]
              .filter(Boolean)
              .join(';') || undefined,
        });
        out.set(r.metric_id, list);
      }
      return out;
    })();
    filingsByQuery.set(q, p);
  }
  return p;
}

const days = (f: Filing) => Date.parse(f.to) - Date.parse(f.from);
const overlaps = (a: Filing, b: Filing) => a.from <= b.to && b.from <= a.to;

/**
 * The filings of one org that make its figure (issue 16): one value per period (the latest
 * accepted); a flow takes the exact period when filed, else the longest periods that do not
 * overlap (a half year and the whole year never add up, a longer flow is never split); a stock,
 * rate or ratio takes the single latest as-of value.
 */
export function orgFilings(
  list: readonly Filing[],
  kind: MetricKind,
  q: Pick<MetricQuery, 'from' | 'to'>,
): Filing[] {
  const perPeriod = new Map<string, Filing>();
  for (const f of list) {
    const k = `${f.from}|${f.to}`;
    const had = perPeriod.get(k);
    if (!had || f.reviewedAt > had.reviewedAt) perPeriod.set(k, f);
  }
  const one = [...perPeriod.values()];
  if (kind !== 'flow') {
    const latest = one.sort((a, b) =>
      a.to === b.to ? b.reviewedAt - a.reviewedAt : a.to < b.to ? 1 : -1,
    )[0];
    return latest ? [latest] : [];
  }
  const exact = one.find((f) => f.from === q.from && f.to === q.to);
  if (exact) return [exact];
  const chosen: Filing[] = [];
  for (const f of one.sort((a, b) => days(b) - days(a) || (a.from < b.from ? -1 : 1)))
    if (!chosen.some((c) => overlaps(c, f))) chosen.push(f);
  return chosen;
}

/**
 * The subtree's figure: each org's filings (orgFilings), and an org that filed replaces every
 * org below it (a parent's own filing is an area-wide total, not a part to add). Rates and
 * ratios never roll up: only the scope org's own filing counts.
 */
export function rollUpFilings(
  list: readonly Filing[],
  kind: MetricKind,
  q: Pick<MetricQuery, 'from' | 'to' | 'orgId'>,
): Filing[] {
  const byOrg = new Map<string, Filing[]>();
  for (const f of list) byOrg.set(f.orgId, [...(byOrg.get(f.orgId) ?? []), f]);
  if (kind === 'rate' || kind === 'ratio') return orgFilings(byOrg.get(q.orgId) ?? [], kind, q);
  const orgs = [...byOrg.values()]
    .map((fs) => ({ path: fs[0]?.orgPath ?? '', fs }))
    .sort((a, b) => a.path.length - b.path.length);
  const kept: { path: string; fs: Filing[] }[] = [];
  for (const o of orgs) if (!kept.some((k) => o.path.startsWith(k.path) && o.path !== k.path)) kept.push(o);
  return kept.flatMap((o) => orgFilings(o.fs, kind, q));
}

const qualifierOf = (used: readonly Filing[]): string | undefined => {
  const qs = new Set(used.map((f) => f.qualifier));
  if (qs.size === 1) return used[0]?.qualifier || undefined;
  return used.some((f) => f.qualifier) ? 'about' : undefined;
};

/**
 * A reported metric: the accepted filings rolled up by the rules above (rollUpFilings), with the
 * qualifier (约 / 余 …) they were filed with; the drill-down lists exactly the filings used.
 */
export function reportedMetric(
  spec: Pick<ReportedMetricSpec, 'id' | 'name' | 'unit' | 'definition' | 'group' | 'additive'> & {
    kind?: MetricKind | undefined;
    unitAliases?: readonly string[] | undefined;
  },
): MetricDefinition {
  const kind: MetricKind = spec.kind ?? (spec.additive ? 'flow' : 'ratio');
  return {
    id: spec.id,
    name: spec.name,
    unit: spec.unit,
    definition: spec.definition,
    domain: spec.group,
    source: 'reported',
    additive: spec.additive,
    kind,
    ...(spec.unitAliases ? { unitAliases: spec.unitAliases } : {}),
    async compute(db, q) {
      const used = rollUpFilings((await filings(db, q)).get(spec.id) ?? [], kind, q);
      const value = used.length === 0 ? null : used.reduce((s, f) => s + f.value, 0);
      const qualifier = qualifierOf(used);
      return {
        value: value === null ? null : Math.round(value * 10_000) / 10_000,
        ...(qualifier ? { qualifier } : {}),
        records: async () =>
          used.map((r) => ({
            id: r.id,
            orgId: r.orgId,
            orgName: r.orgName,
            label: `${r.orgName} 填报 ${qualifierText(r.qualifier, r.value)}${r.unit}(${r.from} 至 ${r.to})`,
            date: r.to,
            value: r.value,
            source: `数据填报:${r.title}(已采纳)`,
            evidence: r.evidence,
          })),
      };
    },
  };
}

/** 约 / 余 / 以上 / 以内 around a number (already formatted), as the unit filed it. */
export function withQualifier(qualifier: string | undefined, n: string): string {
  return qualifier === 'about'
    ? `约${n}`
    : qualifier === 'over'
      ? `${n}余`
      : qualifier === 'atLeast'
        ? `${n}以上`
        : qualifier === 'within'
          ? `${n}以内`
          : n;
}

/** "约 300", "300 余", "300 以上", "300 以内" — a filed figure printed as filed. */
export const qualifierText = (qualifier: string, value: number): string =>
  withQualifier(qualifier, String(value));

/** Reported metrics the office defined inside a form (ids 'custom.…'). */
export async function listCustomMetrics(db: Db): Promise<MetricDefinition[]> {
  const rows = await db
    .selectFrom('reported_metric')
    .select(['id', 'name', 'unit', 'definition', 'additive'])
    .orderBy('id')
    .execute();
  return rows.map((r) => reportedMetric({ ...r, group: 'custom' }));
}
