import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { seedDemoOrgsAt, systemAt, userCtxAt } from '../../test/ctx.js';
import type { DemoOrgs } from '../org/seed.js';

/** Tests of this domain run on 2025-06-16 10:00 in China (a Monday). */
export const TODAY = '2025-06-16';
export const NOW = new Date('2025-06-16T02:00:00Z');

export const sysCtx = (h: DatabaseHandle, now = NOW): Ctx => systemAt(h, now);
export const withOrgs = (h: DatabaseHandle): Promise<DemoOrgs> => seedDemoOrgsAt(h, NOW);
/** The service context of a demo user (their real roles and data scope). */
export const userCtx = (h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> =>
  userCtxAt(h, username, now);
