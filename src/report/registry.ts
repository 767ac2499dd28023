import { domainModules } from '../domains/index.js';
import { orgVisible } from '../domains/org/rules.js';
import { listOrgs } from '../domains/org/org-store.js';
import { listCustomMetrics } from '../domains/planning/reported-figures.js';
import { ALL_SCOPE, type Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';
import { invalid, notFound } from '../platform/errors.js';
import { reportedCatalogue } from './catalogue.js';
import type { DrillRecord, Figure, MetricDefinition, MetricQuery } from './types.js';

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

function query(ctx: Ctx, sub: OrgSubtree, period: Period): MetricQuery {
  if (period.to < period.from) throw invalid('metric.badPeriod', '统计期止日不能早于起日', 'to');
  return { scope: ctx.scope, orgId: sub.orgId, orgIds: sub.orgIds, from: period.from, to: period.to };
}

/** Figures for an org's subtree over a period; `ids` omitted = every registered metric. */
export async function computeFigures(
  ctx: Ctx,
  registry: MetricRegistry,
  orgId: string,
  period: Period,
  ids?: readonly string[],
): Promise<Figure[]> {
  const sub = await orgSubtree(ctx, orgId);
  const q = query(ctx, sub, period);
  const defs = ids ? ids.map((id) => registry.get(id)) : registry.all;
  const out: Figure[] = [];
  for (const d of defs) {
    const c = await d.compute(ctx.db, q);
    out.push({
      metricId: d.id,
      name: d.name,
      unit: d.unit,
      definition: d.definition,
      domain: d.domain,
      domainName: domainName(d.domain),
      source: d.source,
      value: c.value,
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
  const c = await def.compute(ctx.db, query(ctx, sub, period));
  return c.records();
}
