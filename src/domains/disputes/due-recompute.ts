import { type CalendarChange, type RecomputeCount, writeChanged } from '../../platform/calendar/index.js';
import { readGrouped } from '../../platform/db/grouped.js';
import type { Tx } from '../../platform/db/types.js';
import { projectRecon } from './reconsideration/projection.js';
import { reconActionRecordOf } from './reconsideration/store.js';
import { replyDue } from './suggestions/rules.js';

/** 行政复议: the case clocks (审查、决定 …) from the log with projectRecon, the rule each act stores by. */
async function recomputeReconsiderations(trx: Tx, from: string, change: CalendarChange): Promise<number> {
  const rows = await trx
    .selectFrom('disputes_reconsideration')
    .select(['id', 'decision_due_on', 'next_due_kind', 'next_due_on', 'late_count'])
    .where((eb) => eb.or([eb('next_due_on', '>=', from), eb('decision_due_on', '>=', from)]))
    .execute();
  const logs = await readGrouped(
    rows.map((r) => r.id),
    (chunk) =>
      trx
        .selectFrom('disputes_reconsideration_action')
        .select(['reconsideration_id', 'action', 'occurred_on', 'data', 'actor_id'])
        .where('reconsideration_id', 'in', chunk)
        .orderBy('reconsideration_id')
        .orderBy('seq')
        .execute(),
    (a) => a.reconsideration_id,
    reconActionRecordOf,
  );
  return writeChanged(
    rows,
    (r) => {
      const p = projectRecon(logs.get(r.id) ?? [], change.calendar);
      const unchanged =
        p.decision_due_on === r.decision_due_on &&
        p.next_due_kind === r.next_due_kind &&
        p.next_due_on === r.next_due_on &&
        p.late_count === r.late_count;
      if (unchanged) return null;
      return {
        decision_due_on: p.decision_due_on,
        next_due_kind: p.next_due_kind,
        next_due_on: p.next_due_on,
        late_count: p.late_count,
      };
    },
    (r, set) => trx.updateTable('disputes_reconsideration').set(set).where('id', '=', r.id).execute(),
  );
}

/** 检察建议 / 司法建议: the reply period, its end moved off a rest day (民法典 第二百零三条). */
async function recomputeSuggestions(trx: Tx, from: string, change: CalendarChange): Promise<number> {
  const rows = await trx
    .selectFrom('disputes_suggestion')
    .select(['id', 'received_on', 'urgent', 'due_on'])
    .where('due_on', '>=', from)
    .execute();
  return writeChanged(
    rows,
    (r) => {
      const due = replyDue(change.calendar, r.received_on, r.urgent);
      return due === r.due_on ? null : { due_on: due };
    },
    (r, set) => trx.updateTable('disputes_suggestion').set(set).where('id', '=', r.id).execute(),
  );
}

/** The 复议 and 建议 ledgers' stored due dates after a holiday arrangement is loaded or corrected. */
export async function recomputeDisputesDueDates(
  trx: Tx,
  change: CalendarChange,
): Promise<readonly RecomputeCount[]> {
  if (change.from === null) return [];
  return [
    { ledger: '行政复议案件', changed: await recomputeReconsiderations(trx, change.from, change) },
    { ledger: '检察建议、司法建议', changed: await recomputeSuggestions(trx, change.from, change) },
  ];
}
