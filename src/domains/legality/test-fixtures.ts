import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { MetricQuery } from '../../platform/metrics/types.js';
import { seedDemoOrgsAt, systemAt, userCtxAt } from '../../test/ctx.js';
import type { DemoOrgs } from '../org/seed.js';
import { legalityMetrics } from './metrics.js';

/** Tests of this domain run on 2025-06-16 10:00 in China (a Monday). */
export const TODAY = '2025-06-16';
export const NOW = new Date('2025-06-16T02:00:00Z');

export const sysCtx = (h: DatabaseHandle, now = NOW): Ctx => systemAt(h, now);
export const withOrgs = (h: DatabaseHandle): Promise<DemoOrgs> => seedDemoOrgsAt(h, NOW);
/** The service context of a demo user (their real roles and data scope). */
export const userCtx = (h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> =>
  userCtxAt(h, username, now);

/** The value of this domain's figure `id` over the query's orgs and period (all scope); an unknown id fails. */
export async function legalityFigure(
  h: DatabaseHandle,
  query: Omit<MetricQuery, 'scope'>,
  id: string,
): Promise<number | null> {
  const m = legalityMetrics.find((x) => x.id === id);
  if (!m) throw new Error(`no metric ${id}`);
  return (await m.compute(h.db, { scope: ALL_SCOPE, ...query })).value;
}

/**
 * This domain's figures over the whole county for a period (every org, all scope): a figure's
 * value by its id. The orgs are those there when it is made.
 */
export async function countyFigures(
  h: DatabaseHandle,
  rootId: string,
  period: Pick<MetricQuery, 'from' | 'to' | 'today'>,
): Promise<(id: string) => Promise<number | null>> {
  const orgIds = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
  return (id) => legalityFigure(h, { orgId: rootId, orgIds, ...period }, id);
}
