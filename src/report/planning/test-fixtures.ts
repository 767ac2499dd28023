import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { DemoOrgs } from '../../domains/org/seed.js';
import { seedDemoOrgsAt, systemAt as systemAtTime, userCtxAt } from '../../test/ctx.js';

/** 2026-02-10 10:00 in China: reports on 2025 are being compiled. */
export const NOW = new Date('2026-02-10T02:00:00Z');

export const systemAt = (h: DatabaseHandle, now = NOW): Ctx => systemAtTime(h, now);
/** The service context of a demo user, with their real roles and data scope. */
export const userCtx = (h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> =>
  userCtxAt(h, username, now);
export const seedDemoOrgs = (h: DatabaseHandle): Promise<DemoOrgs> => seedDemoOrgsAt(h, NOW);

export function orgIdOf(orgs: DemoOrgs, short: string): string {
  const id = orgs.departments.get(short);
  if (!id) throw new Error(`no department ${short}`);
  return id;
}
