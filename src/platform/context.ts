import type { Db } from './db/types.js';

/** Who is acting. `system` (CLI, demo seed, migrations) has no user id. */
export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  orgId: string | null;
  regionCode: string | null;
  /** permission strings, e.g. 'system:org:add'; '*' grants everything */
  permissions: ReadonlySet<string>;
}

/**
 * What rows a caller may see: `all`, or rows whose org is in `orgIds`, or rows the user
 * created (`selfUserId`, RuoYi's 仅本人). `regionCodes` bounds every query so that a
 * region-sharded deployment (Citus, distribution column region_code) routes it.
 */
export interface Scope {
  all: boolean;
  orgIds: readonly string[];
  selfUserId: string | null;
  regionCodes: readonly string[];
  /**
   * `regionCodes` is every region of the org tree (an `all` grant), so the bound excludes no row
   * and queries leave it out: the planner estimates `region_code = any(every region)` far below
   * the truth (its per-value selectivities add up past 1 and it falls back to treating them as
   * independent: ~64% of a province's cases), which showed the province office's ledger total low.
   */
  everyRegion?: boolean | undefined;
}

/** The service context: every service function takes one. */
export interface Ctx {
  db: Db;
  actor: Actor;
  scope: Scope;
  /** the instant of the request, injectable for tests */
  now: () => Date;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  displayName: '系统',
  orgId: null,
  regionCode: null,
  permissions: new Set(['*']),
};

export const ALL_SCOPE: Scope = { all: true, orgIds: [], selfUserId: null, regionCodes: [] };

export function systemCtx(db: Db, now: () => Date = () => new Date()): Ctx {
  return { db, actor: SYSTEM_ACTOR, scope: ALL_SCOPE, now };
}

export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has('*') || actor.permissions.has(permission);
}

/** Today's date in China (Asia/Shanghai), as 'YYYY-MM-DD' — legal dates are dates in China. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The request's day in China: what 临期 / 逾期 and "not after today" are judged on. */
export const today = (ctx: Pick<Ctx, 'now'>): string => chinaDate(ctx.now());
