import {
  type CalendarChange,
  daysBetween,
  type RecomputeCount,
  writeChanged,
} from '../../../platform/calendar/index.js';
import type { Tx } from '../../../platform/db/types.js';
import { loadLogsOf } from '../action-log.js';
import { DEFAULT_REVIEW_CLOCK, projectReview } from './rules.js';
import { reviewLogEntry } from './store.js';

/**
 * 合法性审查: the review clock (working days, 国办发〔2018〕115号) of every review whose stored last
 * day is on or after the first changed day, from its log with projectReview — the rule each act
 * stores by. The 临期 day keeps the office's window the row was stored with.
 */
export async function recomputeReviewDueDates(
  trx: Tx,
  change: CalendarChange,
): Promise<readonly RecomputeCount[]> {
  if (change.from === null) return [];
  const rows = await trx
    .selectFrom('legality_review')
    .select(['id', 'period_workdays', 'extension_workdays', 'due_on', 'due_soon_on'])
    .where('due_on', '>=', change.from)
    .execute();
  const logs = await loadLogsOf(
    trx,
    'review',
    rows.map((r) => r.id),
  );
  const changed = await writeChanged(
    rows,
    (r) => {
      const dueSoonDays =
        r.due_on && r.due_soon_on ? daysBetween(r.due_soon_on, r.due_on) : DEFAULT_REVIEW_CLOCK.dueSoonDays;
      const p = projectReview(
        (logs.get(r.id) ?? []).map(reviewLogEntry),
        { periodWorkdays: r.period_workdays, extensionWorkdays: r.extension_workdays, dueSoonDays },
        change.calendar,
      );
      return p.dueOn === r.due_on && p.dueSoonOn === r.due_soon_on
        ? null
        : { due_on: p.dueOn, due_soon_on: p.dueSoonOn };
    },
    (r, set) => trx.updateTable('legality_review').set(set).where('id', '=', r.id).execute(),
  );
  return [{ ledger: '合法性审查', changed }];
}
