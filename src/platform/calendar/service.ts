import type { Ctx } from '../context.js';
import { can, chinaDate } from '../context.js';
import { writeTx } from '../db/tx.js';
import { forbidden } from '../errors.js';
import type { CalendarArrangement } from './arrangement-file.js';
import { firstChangedDay, type RecomputeCount, type RecomputeDueDates } from './recompute.js';
import { forgetListCalendar, listYears, loadWorkCalendar, saveYear } from './store.js';

export interface LoadResult {
  year: number;
  replaced: boolean;
  holidays: number;
  workdays: number;
  /** the first day whose answer changed, or null */
  changedFrom: string | null;
  /** per ledger: how many records got a new stored due date */
  recomputed: RecomputeCount[];
}

/**
 * Loads (or replaces) one year's holiday arrangement and, in the same transaction, recomputes
 * every stored due date that depends on it through each domain's hook (`recompute`, from
 * src/domains/index.ts — the calendar never imports a domain). Audited like every write, with
 * the counts of changed records per ledger.
 */
export async function loadArrangement(
  ctx: Ctx,
  arrangement: CalendarArrangement,
  recompute: readonly RecomputeDueDates[],
): Promise<LoadResult> {
  if (!can(ctx.actor, 'system:calendar:edit'))
    throw forbidden('auth.forbidden', '您没有维护节假日安排的权限');
  const result = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const before = await loadWorkCalendar(trx);
    const r = await saveYear(trx, {
      year: arrangement.year,
      source: arrangement.source,
      days: arrangement.days,
      loadedBy: ctx.actor.userId,
    });
    const calendar = await loadWorkCalendar(trx);
    const years = [arrangement.year];
    const from = firstChangedDay(before, calendar, years);
    const recomputed: RecomputeCount[] = [];
    if (from !== null) {
      const change = { calendar, years, from, today: chinaDate(ctx.now()) };
      for (const hook of recompute) recomputed.push(...(await hook(trx, change)));
    }
    audit({
      action: r.replaced ? 'calendar.replaceYear' : 'calendar.loadYear',
      entity: 'calendar_year',
      entityId: String(arrangement.year),
      change: { source: arrangement.source, days: arrangement.days, changedFrom: from, recomputed },
    });
    return { ...r, from, recomputed };
  });
  forgetListCalendar();
  return {
    year: arrangement.year,
    replaced: result.replaced,
    holidays: arrangement.days.filter((d) => d.kind === 'holiday').length,
    workdays: arrangement.days.filter((d) => d.kind === 'workday').length,
    changedFrom: result.from,
    recomputed: result.recomputed,
  };
}

export { listYears };
