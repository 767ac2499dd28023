import { compareDates, type LocalDate, loadWorkCalendar } from '../../../platform/calendar/index.js';
import { addWorkdays } from '../../../platform/clock/index.js';
import type { Ctx } from '../../../platform/context.js';
import { intBetween, mulberry32 } from '../demo-names.js';
import { publishPublications } from './service.js';

/** Publishes the demo decisions: most within 7 working days, a few late, the latest still pending. */
export async function seedPublications(ctx: Ctx, today: LocalDate): Promise<number> {
  const random = mulberry32(4242);
  const calendar = await loadWorkCalendar(ctx.db);
  const pending = await ctx.db
    .selectFrom('enforcement_publication as p')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.decided_on'])
    .where('p.status', '=', 'pending')
    .orderBy('c.case_no')
    .execute();
  const items: { id: string; date: LocalDate }[] = [];
  for (const p of pending) {
    if (random() < 0.02) continue; // forgotten: shows as 逾期
    const date = addWorkdays(
      calendar,
      p.decided_on,
      random() < 0.04 ? intBetween(random, 8, 15) : intBetween(random, 1, 7),
    );
    if (compareDates(date, today) <= 0) items.push({ id: p.id, date });
  }
  for (let i = 0; i < items.length; i += 2000) await publishPublications(ctx, items.slice(i, i + 2000));
  return items.length;
}
