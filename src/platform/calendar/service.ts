import type { Ctx } from '../context.js';
import { can } from '../context.js';
import { writeTx } from '../db/tx.js';
import { forbidden } from '../errors.js';
import type { CalendarArrangement } from './arrangement-file.js';
import { listYears, saveYear } from './store.js';

/** Loads (or replaces) one year's holiday arrangement; audited like every write. */
export async function loadArrangement(
  ctx: Ctx,
  arrangement: CalendarArrangement,
): Promise<{ year: number; replaced: boolean; holidays: number; workdays: number }> {
  if (!can(ctx.actor, 'system:calendar:edit'))
    throw forbidden('auth.forbidden', '您没有维护节假日安排的权限');
  const result = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const r = await saveYear(trx, {
      year: arrangement.year,
      source: arrangement.source,
      days: arrangement.days,
      loadedBy: ctx.actor.userId,
    });
    audit({
      action: r.replaced ? 'calendar.replaceYear' : 'calendar.loadYear',
      entity: 'calendar_year',
      entityId: String(arrangement.year),
      change: { source: arrangement.source, days: arrangement.days },
    });
    return r;
  });
  return {
    year: arrangement.year,
    replaced: result.replaced,
    holidays: arrangement.days.filter((d) => d.kind === 'holiday').length,
    workdays: arrangement.days.filter((d) => d.kind === 'workday').length,
  };
}

export { listYears };
