import { type CalendarChange, type RecomputeCount, writeChanged } from '../../../platform/calendar/index.js';
import { readGrouped } from '../../../platform/db/grouped.js';
import type { Tx } from '../../../platform/db/types.js';
import { nextOpenDue } from './projection.js';
import type { ActionRecord, Procedure } from './schema.js';
import { actionRecord } from './store.js';
import { publicationDue, withdrawalDue } from '../publications/rules.js';
import { projectReferral } from '../referrals/projection.js';
import { referralActionRecord } from '../referrals/store.js';

/** The logs of many cases at once, in act order (the rows an act appended). */
function caseLogs(trx: Tx, caseIds: readonly string[]): Promise<Map<string, ActionRecord[]>> {
  return readGrouped(
    caseIds,
    (ids) =>
      trx
        .selectFrom('enforcement_case_action')
        .select(['case_id', 'action', 'occurred_on', 'data', 'actor_id'])
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('seq')
        .execute(),
    (r) => r.case_id,
    actionRecord,
  );
}

/** 案件台账: next_due_kind / next_due_on of every open case whose next clock ends on or after `from`. */
async function recomputeCases(trx: Tx, change: CalendarChange & { from: string }): Promise<number> {
  const rows = await trx
    .selectFrom('enforcement_case')
    .select(['id', 'procedure', 'next_due_kind', 'next_due_on'])
    .where('next_due_on', '>=', change.from)
    .execute();
  const logs = await caseLogs(
    trx,
    rows.map((r) => r.id),
  );
  return writeChanged(
    rows,
    (r) => {
      const next = nextOpenDue(r.procedure as Procedure, logs.get(r.id) ?? [], change.calendar);
      const kind = next?.kind ?? null;
      const due = next?.due ?? null;
      return kind === r.next_due_kind && due === r.next_due_on
        ? null
        : { next_due_kind: kind, next_due_on: due };
    },
    (r, set) => trx.updateTable('enforcement_case').set(set).where('id', '=', r.id).execute(),
  );
}

/**
 * 执法公示: the publication period from the decision (国办发〔2018〕118号) and the withdrawal clock
 * from the latest 变更 / 撤销 before the withdrawal (行政处罚法 第四十八条).
 */
async function recomputePublications(trx: Tx, change: CalendarChange & { from: string }): Promise<number> {
  const rows = await trx
    .selectFrom('enforcement_publication')
    .select(['id', 'case_id', 'decided_on', 'category', 'due_on', 'withdraw_due_on', 'withdrawn_on'])
    .where((eb) => eb.or([eb('due_on', '>=', change.from), eb('withdraw_due_on', '>=', change.from)]))
    .execute();
  const withdrawing = rows.filter((r) => r.withdraw_due_on !== null);
  const logs = await caseLogs(
    trx,
    withdrawing.map((r) => r.case_id),
  );
  return writeChanged(
    rows,
    (r) => {
      const due = publicationDue(change.calendar, r.decided_on, r.category);
      let withdrawDue = r.withdraw_due_on;
      if (r.withdraw_due_on !== null) {
        const changes = (logs.get(r.case_id) ?? []).filter(
          (a) =>
            (a.action === 'amendDecision' || a.action === 'revokeDecision') &&
            (r.withdrawn_on === null || a.date <= r.withdrawn_on),
        );
        const last = changes[changes.length - 1];
        if (last) withdrawDue = withdrawalDue(change.calendar, last.date);
      }
      return due === r.due_on && withdrawDue === r.withdraw_due_on
        ? null
        : { due_on: due, withdraw_due_on: withdrawDue };
    },
    (r, set) => trx.updateTable('enforcement_publication').set(set).where('id', '=', r.id).execute(),
  );
}

const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** 移送台账: the referral's clocks and lateness (第三日、受理期限 …) from its log. */
async function recomputeReferrals(trx: Tx, change: CalendarChange & { from: string }): Promise<number> {
  const rows = await trx
    .selectFrom('enforcement_referral')
    .select(['id', 'next_due_kind', 'next_due_at', 'next_due_soon_at', 'late_count', 'handover_late'])
    .where('next_due_at', '>=', new Date(`${change.from}T00:00:00+08:00`))
    .execute();
  const logs = await readGrouped(
    rows.map((r) => r.id),
    (ids) =>
      trx
        .selectFrom('enforcement_referral_action')
        .select(['referral_id', 'action', 'occurred_on', 'occurred_at', 'data', 'actor_id'])
        .where('referral_id', 'in', ids)
        .orderBy('referral_id')
        .orderBy('seq')
        .execute(),
    (a) => a.referral_id,
    referralActionRecord,
  );
  return writeChanged(
    rows,
    (r) => {
      const p = projectReferral(logs.get(r.id) ?? [], change.calendar);
      const unchanged =
        p.next_due_kind === r.next_due_kind &&
        time(p.next_due_at) === time(r.next_due_at) &&
        time(p.next_due_soon_at) === time(r.next_due_soon_at) &&
        p.late_count === r.late_count &&
        p.handover_late === r.handover_late;
      if (unchanged) return null;
      return {
        next_due_kind: p.next_due_kind,
        next_due_at: p.next_due_at,
        next_due_soon_at: p.next_due_soon_at,
        late_count: p.late_count,
        handover_late: p.handover_late,
      };
    },
    (r, set) => trx.updateTable('enforcement_referral').set(set).where('id', '=', r.id).execute(),
  );
}

/** The enforcement ledgers' stored due dates after a holiday arrangement is loaded or corrected. */
export async function recomputeEnforcementDueDates(
  trx: Tx,
  change: CalendarChange,
): Promise<readonly RecomputeCount[]> {
  if (change.from === null) return [];
  const c = { ...change, from: change.from };
  return [
    { ledger: '行政执法案件', changed: await recomputeCases(trx, c) },
    { ledger: '执法决定公示', changed: await recomputePublications(trx, c) },
    { ledger: '涉嫌犯罪案件移送', changed: await recomputeReferrals(trx, c) },
  ];
}
