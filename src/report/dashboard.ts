import { searchCases } from '../domains/enforcement/cases/service.js';
import { searchPublications } from '../domains/enforcement/publications/service.js';
import { listTargets } from '../domains/inspection/result-service.js';
import { authorize } from '../domains/org/policy.js';
import { orgVisible } from '../domains/org/rules.js';
import { listMySubmissions } from '../domains/planning/data-call-store.js';
import { DATA_CALL_WARN_DAYS } from '../domains/planning/rules.js';
import { getReport } from './planning/report-service.js';
import { listReports } from './planning/report-store.js';
import { dueState } from '../platform/clock/index.js';
import { listOrgs } from '../domains/org/org-store.js';
import { ALL_SCOPE, type Ctx, can, chinaDate, type Scope } from '../platform/context.js';
import {
  computeFigures,
  loadRegistry,
  type MetricRegistry,
  orgSubtree,
  rootOrgId,
  yearPeriod,
} from './registry.js';

/** The figures a leader sees first, in this order (those not registered are left out). */
export const KEY_METRICS = [
  'enforcement.penalty.decided',
  'enforcement.penalty.fines',
  'enforcement.legalReview.rate',
  'enforcement.officers.certifiedRate',
  'inspection.plans',
  'inspection.coverage',
  'inspection.problemRate',
  'inspection.publication.timely',
] as const;

/** Units directly under the org are ranked by this figure. */
export const RANKING_METRIC = 'enforcement.penalty.decided';

/** Monthly trend lines. */
export const TREND_METRICS = ['enforcement.penalty.decided', 'enforcement.penalty.fines', 'inspection.tasks'];

export interface KeyFigure {
  metricId: string;
  name: string;
  unit: string;
  value: number | null;
  lastYear: number | null;
  /** value − lastYear; null when either is missing */
  change: number | null;
}

export interface RankingItem {
  orgId: string;
  orgName: string;
  value: number | null;
}

export interface DueItem {
  domain: string;
  domainName: string;
  /** what falls due: 办案期限, 公示期限 … */
  item: string;
  dueSoon: number;
  overdue: number;
  /** the ledger that lists them (web path) */
  link: string;
}

export interface TrendSeries {
  metricId: string;
  name: string;
  unit: string;
  /** one value per month, January first */
  values: (number | null)[];
}

export interface Dashboard {
  year: number;
  orgId: string;
  orgName: string;
  keyFigures: KeyFigure[];
  ranking: { metricId: string; name: string; unit: string; items: RankingItem[] };
  due: DueItem[];
  /** 'YYYY-MM' of each month shown (the current year stops at this month) */
  months: string[];
  trend: TrendSeries[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The caller's scope narrowed to an org's subtree (the regions stay as they were). */
function subtreeScope(scope: Scope, orgIds: readonly string[]): Scope {
  return {
    all: false,
    orgIds: scope.all ? [...orgIds] : orgIds.filter((id) => scope.orgIds.includes(id)),
    selfUserId: scope.all ? null : scope.selfUserId,
    regionCodes: scope.regionCodes,
  };
}

const present = (registry: MetricRegistry, ids: readonly string[]) =>
  ids.filter((id) => registry.find(id) !== undefined);

async function keyFigures(ctx: Ctx, registry: MetricRegistry, orgId: string, year: number) {
  const ids = present(registry, KEY_METRICS);
  const [now, before] = await Promise.all([
    computeFigures(ctx, registry, orgId, yearPeriod(year), ids),
    computeFigures(ctx, registry, orgId, yearPeriod(year - 1), ids),
  ]);
  return now.map((f, i): KeyFigure => {
    const last = before[i]?.value ?? null;
    return {
      metricId: f.metricId,
      name: f.name,
      unit: f.unit,
      value: f.value,
      lastYear: last,
      change: f.value !== null && last !== null ? round2(f.value - last) : null,
    };
  });
}

async function ranking(ctx: Ctx, registry: MetricRegistry, orgId: string, year: number) {
  const def = registry.get(RANKING_METRIC);
  const { items } = await listOrgs(ctx.db, ALL_SCOPE, {});
  const children = items.filter(
    (o) =>
      o.parentId === orgId && orgVisible(ctx.scope, { id: o.id, path: o.path, regionCode: o.regionCode }),
  );
  const out: RankingItem[] = [];
  for (const c of children) {
    const [f] = await computeFigures(ctx, registry, c.id, yearPeriod(year), [def.id]);
    out.push({ orgId: c.id, orgName: c.shortName ?? c.name, value: f?.value ?? null });
  }
  out.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.orgName.localeCompare(b.orgName, 'zh'));
  return { metricId: def.id, name: def.name, unit: def.unit, items: out };
}

/** 临期 / 逾期 today, counted by each domain's own lists over the org's subtree (domains the caller may read). */
export async function dueCounts(
  ctx: Ctx,
  orgIds: readonly string[],
  opts: { planning?: boolean } = {},
): Promise<DueItem[]> {
  const sub: Ctx = { ...ctx, scope: subtreeScope(ctx.scope, orgIds) };
  // the counts of 临期 and 逾期 are shown as numbers: exact, never capped
  const one = { offset: 0, limit: 1, exactTotal: true };
  const out: DueItem[] = [];
  if (can(ctx.actor, 'enforcement:case:list')) {
    const [casesSoon, casesLate, pubSoon, pubLate] = await Promise.all([
      searchCases(sub, { due: 'dueSoon' }, one),
      searchCases(sub, { due: 'overdue' }, one),
      searchPublications(sub, { due: 'dueSoon' }, one),
      searchPublications(sub, { due: 'overdue' }, one),
    ]);
    out.push(
      {
        domain: 'enforcement',
        domainName: '行政执法',
        item: '行政执法案件办理期限',
        dueSoon: casesSoon.total,
        overdue: casesLate.total,
        link: '/enforcement/cases',
      },
      {
        domain: 'enforcement',
        domainName: '行政执法',
        item: '行政执法决定公示期限',
        dueSoon: pubSoon.total,
        overdue: pubLate.total,
        link: '/enforcement/publications',
      },
    );
  }
  if (can(ctx.actor, 'inspection:plan:list')) {
    // the same filter the 检查结果与公示 ledger applies, so a count and its link agree
    const [soon, late] = await Promise.all([
      listTargets(sub, { due: 'dueSoon' }, one),
      listTargets(sub, { due: 'overdue' }, one),
    ]);
    out.push({
      domain: 'inspection',
      domainName: '双随机、一公开',
      item: '抽查结果公示期限',
      dueSoon: soon.total,
      overdue: late.total,
      link: '/inspection/results',
    });
  }
  // the reminders list data calls and reports one by one, so they can leave these counts out
  if (opts.planning === false) return out;
  if (can(ctx.actor, 'planning:dataCall:list')) out.push(await dataCallsDue(sub));
  if (can(ctx.actor, 'planning:report:list')) out.push(await reportsDue(sub));
  return out;
}

/** A 指标与年度报告 line of the 临期/逾期 table: its items' due states counted. */
function planningDue(item: string, states: readonly (string | null)[], link: string): DueItem {
  return {
    domain: 'planning',
    domainName: '指标与年度报告',
    item,
    dueSoon: states.filter((x) => x === 'dueSoon').length,
    overdue: states.filter((x) => x === 'overdue').length,
    link,
  };
}

/** Units' answers not yet submitted, by the call's deadline (warned 7 days ahead, as the 本单位填报 screen does). */
async function dataCallsDue(sub: Ctx): Promise<DueItem> {
  const today = chinaDate(sub.now());
  const { items } = await listMySubmissions(sub.db, sub.scope, { offset: 0, limit: 100_000 });
  const states = items
    .filter((s) => s.status === 'pending' || s.status === 'returned')
    .map((s) => dueState(s.deadline, today, DATA_CALL_WARN_DAYS));
  return planningDue('数据填报截止期限', states, '/report/data-calls');
}

/** Annual reports not yet published, by their disclosure date (each report's own dueState). */
async function reportsDue(sub: Ctx): Promise<DueItem> {
  const states: (string | null)[] = [];
  for (const r of await listReports(sub.db, sub.scope, {}))
    states.push((await getReport(sub, r.id)).dueState);
  return planningDue('年度报告公开期限', states, '/report/reports');
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(d)}`;
}

async function trend(ctx: Ctx, registry: MetricRegistry, orgId: string, year: number) {
  const today = chinaDate(ctx.now());
  const thisYear = Number(today.slice(0, 4));
  const monthCount = year < thisYear ? 12 : year === thisYear ? Number(today.slice(5, 7)) : 0;
  const ids = present(registry, TREND_METRICS);
  const months: string[] = [];
  const series: TrendSeries[] = ids.map((id) => {
    const d = registry.get(id);
    return { metricId: id, name: d.name, unit: d.unit, values: [] };
  });
  for (let m = 1; m <= monthCount; m++) {
    months.push(`${year}-${pad(m)}`);
    const figs = await computeFigures(
      ctx,
      registry,
      orgId,
      { from: `${year}-${pad(m)}-01`, to: lastDay(year, m) },
      ids,
    );
    for (const [i, f] of figs.entries()) series[i]?.values.push(f.value);
  }
  return { months, trend: series };
}

/** 驾驶舱: key figures against last year, units ranked, 临期/逾期 across domains, monthly trends. */
export async function dashboard(
  ctx: Ctx,
  input: { year: number; orgId?: string | undefined },
): Promise<Dashboard> {
  authorize(ctx.actor, 'planning:metric:list');
  yearPeriod(input.year);
  const orgId =
    input.orgId ?? (ctx.actor.orgId && !ctx.scope.all ? ctx.actor.orgId : await rootOrgId(ctx.db));
  const sub = await orgSubtree(ctx, orgId);
  const registry = await loadRegistry(ctx.db);
  const [kf, rank, due, tr] = await Promise.all([
    keyFigures(ctx, registry, orgId, input.year),
    ranking(ctx, registry, orgId, input.year),
    dueCounts(ctx, sub.orgIds),
    trend(ctx, registry, orgId, input.year),
  ]);
  return {
    year: input.year,
    orgId,
    orgName: sub.orgName,
    keyFigures: kf,
    ranking: rank,
    due,
    months: tr.months,
    trend: tr.trend,
  };
}
