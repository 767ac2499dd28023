import { domainModules } from '../domains/index.js';
import { orgVisible } from '../domains/org/rules.js';
import { listOrgs } from '../domains/org/org-store.js';
import { listCustomMetrics } from '../domains/planning/reported-figures.js';
import { ALL_SCOPE, type Ctx, chinaDate } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';
import { invalid, notFound } from '../platform/errors.js';
import { reportedCatalogue } from '../domains/planning/catalogue.js';
import { groupByScan, scanPass } from './one-pass.js';
import {
  type AsOfRule,
  asOfDay,
  type DrillRecord,
  type Figure,
  type MetricDefinition,
  type MetricKind,
  type MetricQuery,
  percentOf,
  type RollUp,
} from '../platform/metrics/types.js';

export { percentOf };

export interface MetricSemantics {
  kind: MetricKind;
  rollUp: RollUp;
  asOf: AsOfRule;
}

/**
 * A metric's kind, roll-up and as-of rule: as declared, or derived from `additive` for metrics
 * written before the fields existed (additive → a flow that sums; otherwise a ratio that does not
 * roll up).
 */
export function metricSemantics(d: MetricDefinition): MetricSemantics {
  const kind: MetricKind = d.kind ?? (d.additive ? 'flow' : 'ratio');
  const rollUp: RollUp =
    d.rollUp ?? (kind === 'flow' || kind === 'stock' ? 'sum' : kind === 'rate' ? 'recompute' : 'none');
  const asOf: AsOfRule = d.asOf ?? (kind === 'flow' ? 'period' : 'periodEnd');
  return { kind, rollUp, asOf };
}

function checkDefinition(d: MetricDefinition, byId: ReadonlyMap<string, MetricDefinition>): void {
  const s = metricSemantics(d);
  if ((s.kind === 'flow' || s.kind === 'stock') !== d.additive)
    throw new Error(`指标“${d.id}”的类型(${s.kind})与是否可加不符`);
  if (s.rollUp === 'sum' && !d.additive) throw new Error(`指标“${d.id}”不可加,不能汇总求和`);
  if (s.kind === 'rate') {
    if (s.rollUp === 'sum') throw new Error(`比率指标“${d.id}”不能汇总求和`);
    for (const part of [d.numerator, d.denominator]) {
      if (part === undefined) continue;
      const p = byId.get(part);
      if (!p) throw new Error(`比率指标“${d.id}”的分子或分母“${part}”未注册`);
      if (!p.additive) throw new Error(`比率指标“${d.id}”的分子或分母“${part}”须为可加的计数`);
    }
    if ((d.numerator === undefined) !== (d.denominator === undefined))
      throw new Error(`比率指标“${d.id}”须同时声明分子与分母`);
  } else if (d.numerator !== undefined || d.denominator !== undefined) {
    throw new Error(`指标“${d.id}”不是比率,不应声明分子分母`);
  }
}

export interface MetricRegistry {
  readonly all: readonly MetricDefinition[];
  find(id: string): MetricDefinition | undefined;
  get(id: string): MetricDefinition;
}

/** A registry over definitions; two definitions with one id is a programming error. */
export function createRegistry(defs: readonly MetricDefinition[]): MetricRegistry {
  const byId = new Map<string, MetricDefinition>();
  for (const d of defs) {
    if (byId.has(d.id)) throw new Error(`指标编号重复:${d.id}`);
    byId.set(d.id, d);
  }
  for (const d of byId.values()) checkDefinition(d, byId);
  return {
    all: [...byId.values()],
    find: (id) => byId.get(id),
    get: (id) => {
      const d = byId.get(id);
      if (!d) throw notFound('metric.notFound', `指标“${id}”不存在`);
      return d;
    },
  };
}

/** The metrics every domain module exports (`metrics` in src/domains/module.ts). */
export function moduleMetrics(): MetricDefinition[] {
  return domainModules.flatMap((m) => m.metrics ?? []);
}

/** All metrics: the modules' and those the office defined inside data-call forms. */
export async function loadRegistry(db: Db): Promise<MetricRegistry> {
  return createRegistry([...moduleMetrics(), ...(await listCustomMetrics(db))]);
}

export interface OrgSubtree {
  orgId: string;
  orgName: string;
  /** the org's materialized path: its subtree is every org whose path starts with it */
  path: string;
  orgIds: string[];
}

/** An org the caller may see, with its subtree (the orgs whose figures roll up into it). */
export async function orgSubtree(ctx: Ctx, orgId: string): Promise<OrgSubtree> {
  const { items } = await listOrgs(ctx.db, ALL_SCOPE, {});
  const self = items.find((o) => o.id === orgId);
  if (!self || !orgVisible(ctx.scope, { id: self.id, path: self.path, regionCode: self.regionCode })) {
    throw notFound('org.notFound', '机构不存在或不在您的权限范围内');
  }
  return {
    orgId,
    orgName: self.name,
    path: self.path,
    orgIds: items.filter((o) => o.path.startsWith(self.path)).map((o) => o.id),
  };
}

/** The root org of the deployment (the org the CLI reports on when none is named). */
export async function rootOrgId(db: Db): Promise<string> {
  const { items } = await listOrgs(db, ALL_SCOPE, {});
  const root = items.find((o) => o.parentId === null);
  if (!root) throw notFound('org.noRoot', '尚未建立根机构');
  return root.id;
}

export interface Period {
  from: string;
  to: string;
}

export function yearPeriod(year: number): Period {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw invalid('metric.badYear', '年度应为 2000—2100 的整数', 'year');
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** `wholeSubtree`: `sub.orgIds` is the org's whole subtree (not narrowed to some of its orgs). */
function query(ctx: Ctx, sub: OrgSubtree, period: Period, wholeSubtree = true): MetricQuery {
  if (period.to < period.from) throw invalid('metric.badPeriod', '统计期止日不能早于起日', 'to');
  return {
    scope: ctx.scope,
    orgId: sub.orgId,
    orgIds: sub.orgIds,
    ...(wholeSubtree ? { subtreePath: sub.path } : {}),
    from: period.from,
    to: period.to,
    today: chinaDate(ctx.now()),
  };
}

/** A rate's parts when it declares them (the registry recomputes the rate from them). */
function rateParts(
  registry: MetricRegistry,
  d: MetricDefinition,
): { numerator: MetricDefinition; denominator: MetricDefinition } | null {
  if (metricSemantics(d).kind !== 'rate' || !d.numerator || !d.denominator) return null;
  return { numerator: registry.get(d.numerator), denominator: registry.get(d.denominator) };
}

/**
 * How many of a run's queries are in flight at once. On PostgreSQL the big scans (a year of cases)
 * and the small per-figure queries then overlap on the pool instead of waiting for each other;
 * PGlite runs them one after another whatever the number. Kept well below the pool's size (10) so
 * one report leaves connections for everyone else.
 */
const FIGURE_CONCURRENCY = 4;

/** Runs the tasks, at most `limit` at a time, in the order given (put the slow ones first). */
async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Values of the given metrics for one query: figures that declare a shared scan are computed in
 * one grouped query per scan (report/one-pass.ts), the rest one by one; a rate with declared parts
 * is numerator over denominator of the same run, so it always recomputes from its drill-downs.
 */
export async function figureValues(
  db: Db,
  registry: MetricRegistry,
  q: MetricQuery,
  defs: readonly MetricDefinition[],
  qualifiers?: Map<string, string>,
): Promise<Map<string, number | null>> {
  const need = new Map<string, MetricDefinition>();
  const rates: MetricDefinition[] = [];
  for (const d of defs) {
    const parts = rateParts(registry, d);
    if (parts) {
      rates.push(d);
      need.set(parts.numerator.id, parts.numerator);
      need.set(parts.denominator.id, parts.denominator);
    } else need.set(d.id, d);
  }
  const values = new Map<string, number | null>();
  const tasks: (() => Promise<void>)[] = [];
  // the grouped scans first: they read the big tables and take longest
  for (const { scan, defs: group } of groupByScan([...need.values()]))
    tasks.push(async () => {
      for (const [id, v] of await scanPass(db, q, scan, group)) values.set(id, v);
    });
  for (const d of need.values()) {
    if (d.grouped) continue;
    tasks.push(async () => {
      const c = await d.compute(db, q);
      values.set(d.id, c.value);
      if (c.qualifier && qualifiers) qualifiers.set(d.id, c.qualifier);
    });
  }
  await runLimited(tasks, FIGURE_CONCURRENCY);
  for (const d of rates) {
    const parts = rateParts(registry, d);
    if (parts)
      values.set(
        d.id,
        percentOf(values.get(parts.numerator.id) ?? null, values.get(parts.denominator.id) ?? null),
      );
  }
  return values;
}

/**
 * Figures for an org's subtree over a period; `ids` omitted = every registered metric. `only`
 * narrows the orgs counted to some of the subtree (the roll-up's 本级 column: the org alone).
 */
export async function computeFigures(
  ctx: Ctx,
  registry: MetricRegistry,
  orgId: string,
  period: Period,
  ids?: readonly string[],
  only?: readonly string[],
): Promise<Figure[]> {
  const whole = await orgSubtree(ctx, orgId);
  const sub = only ? { ...whole, orgIds: whole.orgIds.filter((id) => only.includes(id)) } : whole;
  const q = query(ctx, sub, period, only === undefined);
  const defs = ids ? ids.map((id) => registry.get(id)) : registry.all;
  const qualifiers = new Map<string, string>();
  const values = await figureValues(ctx.db, registry, q, defs, qualifiers);
  const asOf = asOfDay(q);
  const out: Figure[] = [];
  for (const d of defs) {
    const sem = metricSemantics(d);
    out.push({
      metricId: d.id,
      name: d.name,
      unit: d.unit,
      definition: d.definition,
      domain: d.domain,
      domainName: domainName(d.domain),
      source: d.source,
      value: values.get(d.id) ?? null,
      kind: sem.kind,
      ...(qualifiers.has(d.id) ? { qualifier: qualifiers.get(d.id) } : {}),
      ...(sem.asOf === 'periodEnd' ? { asOf } : {}),
      orgId: sub.orgId,
      orgName: sub.orgName,
      from: period.from,
      to: period.to,
    });
  }
  return out;
}

/** The Chinese name of a domain module or reported-figure group. */
export function domainName(domain: string): string {
  return (
    domainModules.find((m) => m.key === domain)?.title ??
    reportedCatalogue.find((c) => c.group === domain)?.groupName ??
    // the planning domain's own figures (data calls, reports) sit under its module key 'report'
    (domain === 'planning' ? '法治政府建设统筹' : domain === 'custom' ? '其他' : '其他领域')
  );
}

/** The records behind one figure. */
export async function drillDown(
  ctx: Ctx,
  registry: MetricRegistry,
  metricId: string,
  orgId: string,
  period: Period,
): Promise<DrillRecord[]> {
  const def = registry.get(metricId);
  const sub = await orgSubtree(ctx, orgId);
  const q = query(ctx, sub, period);
  const parts = rateParts(registry, def);
  if (parts) {
    const [num, den] = await Promise.all([
      parts.numerator.compute(ctx.db, q).then((c) => c.records()),
      parts.denominator.compute(ctx.db, q).then((c) => c.records()),
    ]);
    return [
      ...num.map((r) => ({ ...r, part: 'numerator' as const })),
      ...den.map((r) => ({ ...r, part: 'denominator' as const })),
    ];
  }
  const c = await def.compute(ctx.db, q);
  return c.records();
}
