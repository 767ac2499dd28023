import { z } from 'zod';
import { authorize } from '../domains/org/policy.js';
import { listOrgs } from '../domains/org/org-store.js';
import { listReports } from './planning/report-store.js';
import { ALL_SCOPE, type Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import {
  computeFigures,
  domainName,
  loadRegistry,
  metricSemantics,
  orgSubtree,
  rootOrgId,
  yearPeriod,
} from './registry.js';
import type { RollUp } from '../platform/metrics/types.js';

export const RollupQuery = z.object({
  /** omitted = the caller's own org (the root for a county-wide account) */
  orgId: z.uuid('不是有效的机构编号').optional(),
  year: z.coerce.number().int('年度应为整数').min(2000, '年度应为 2000—2100').max(2100, '年度应为 2000—2100'),
  /** a domain module key or a reported-figure group; the figures of that domain only */
  domain: z
    .string()
    .trim()
    .min(1, '请选择领域')
    .max(40, '领域过长')
    .regex(/^[a-zA-Z]+$/, '领域无效'),
});

export interface RollupRow {
  orgId: string;
  orgName: string;
  /** 'self' = the office's own records (本级), 'unit' = a subordinate unit with everything below it */
  kind: 'self' | 'unit';
  values: Record<string, number | null>;
}

export interface Rollup {
  orgId: string;
  orgName: string;
  year: number;
  domain: string;
  domainName: string;
  metrics: { id: string; name: string; unit: string; rollUp: RollUp; source: 'computed' | 'reported' }[];
  /** 本级, then each direct subordinate unit (its own subtree) */
  rows: RollupRow[];
  /** the org's figures over its whole subtree: for summed figures, 本级 plus the units */
  total: Record<string, number | null>;
  /** the annual reports of the units (and the org) for the year, with their status */
  reports: { id: string; orgId: string; orgName: string; status: string; statusLabel: string }[];
}

/**
 * Every subordinate unit's figures of one domain side by side for a year, with the org's own
 * records as 本级 and the roll-up as 合计: a summed figure's 合计 is 本级 plus the units; a rate's is
 * recomputed from the summed parts (the registry's figure of the whole subtree), never added up.
 */
export async function rollupByUnit(ctx: Ctx, raw: unknown): Promise<Rollup> {
  authorize(ctx.actor, 'planning:report:list');
  const input = RollupQuery.parse(raw);
  const orgId =
    input.orgId ?? (ctx.actor.orgId && !ctx.scope.all ? ctx.actor.orgId : await rootOrgId(ctx.db));
  const q = { ...input, orgId };
  const sub = await orgSubtree(ctx, orgId);
  const registry = await loadRegistry(ctx.db);
  const defs = registry.all.filter((d) => d.domain === q.domain);
  if (defs.length === 0) throw invalid('rollup.badDomain', `领域“${q.domain}”没有指标`, 'domain');
  const ids = defs.map((d) => d.id);
  const period = yearPeriod(q.year);
  const { items } = await listOrgs(ctx.db, ALL_SCOPE, {});
  const units = items
    .filter((o) => o.parentId === q.orgId && sub.orgIds.includes(o.id))
    .sort((a, b) => a.path.localeCompare(b.path));
  const valuesOf = async (orgId: string, orgIds?: string[]) => {
    const figures = await computeFigures(ctx, registry, orgId, period, ids, orgIds);
    return Object.fromEntries(figures.map((f) => [f.metricId, f.value]));
  };
  const rows: RollupRow[] = [
    {
      orgId: q.orgId,
      orgName: `${sub.orgName}(本级)`,
      kind: 'self',
      values: await valuesOf(q.orgId, [q.orgId]),
    },
  ];
  for (const u of units)
    rows.push({ orgId: u.id, orgName: u.name, kind: 'unit', values: await valuesOf(u.id) });
  const reports = (await listReports(ctx.db, ctx.scope, { year: q.year }))
    .filter((r) => sub.orgIds.includes(r.orgId))
    .map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: r.orgName,
      status: r.status,
      statusLabel: r.statusLabel,
    }));
  return {
    orgId: q.orgId,
    orgName: sub.orgName,
    year: q.year,
    domain: q.domain,
    domainName: domainName(q.domain),
    metrics: defs.map((d) => ({
      id: d.id,
      name: d.name,
      unit: d.unit,
      rollUp: metricSemantics(d).rollUp,
      source: d.source,
    })),
    rows,
    total: await valuesOf(q.orgId),
    reports,
  };
}
