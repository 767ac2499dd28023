import type { CalendarChange, RecomputeCount } from '../../../platform/calendar/index.js';
import type { Tx } from '../../../platform/db/types.js';
import { nextOpenDue } from './projection.js';
import type { ActionData, ActionRecord, CaseAction, Procedure } from './schema.js';
import { publicationDue, withdrawalDue } from '../publications/rules.js';
import { projectReferral } from '../referrals/projection.js';
import type { ReferralAction, ReferralActionData, ReferralActionRecord } from '../referrals/schema.js';

const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The logs of many cases at once, in act order (the rows an act appended). */
async function caseLogs(trx: Tx, caseIds: readonly string[]): Promise<Map<string, ActionRecord[]>> {
  const logs = new Map<string, ActionRecord[]>();
  for (const ids of chunks(caseIds)) {
    const rows = await trx
      .selectFrom('enforcement_case_action')
      .select(['case_id', 'action', 'occurred_on', 'data', 'actor_id'])
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      const log = logs.get(r.case_id) ?? [];
      log.push({
        action: r.action as CaseAction,
        date: r.occurred_on,
        data: r.data as ActionData,
        actorId: r.actor_id,
      });
      logs.set(r.case_id, log);
    }
  }
  return logs;
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
  let changed = 0;
  for (const r of rows) {
    const next = nextOpenDue(r.procedure as Procedure, logs.get(r.id) ?? [], change.calendar);
    const kind = next?.kind ?? null;
    const due = next?.due ?? null;
    if (kind === r.next_due_kind && due === r.next_due_on) continue;
    await trx
      .updateTable('enforcement_case')
      .set({ next_due_kind: kind, next_due_on: due })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
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
  let changed = 0;
  for (const r of rows) {
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
    if (due === r.due_on && withdrawDue === r.withdraw_due_on) continue;
    await trx
      .updateTable('enforcement_publication')
      .set({ due_on: due, withdraw_due_on: withdrawDue })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
}

const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** 移送台账: the referral's clocks and lateness (第三日、受理期限 …) from its log. */
async function recomputeReferrals(trx: Tx, change: CalendarChange & { from: string }): Promise<number> {
  const rows = await trx
    .selectFrom('enforcement_referral')
    .select(['id', 'next_due_kind', 'next_due_at', 'next_due_soon_at', 'late_count', 'handover_late'])
    .where('next_due_at', '>=', new Date(`${change.from}T00:00:00+08:00`))
    .execute();
  const logs = new Map<string, ReferralActionRecord[]>();
  for (const ids of chunks(rows.map((r) => r.id))) {
    const acts = await trx
      .selectFrom('enforcement_referral_action')
      .select(['referral_id', 'action', 'occurred_on', 'occurred_at', 'data', 'actor_id'])
      .where('referral_id', 'in', ids)
      .orderBy('referral_id')
      .orderBy('seq')
      .execute();
    for (const a of acts) {
      const log = logs.get(a.referral_id) ?? [];
      log.push({
        action: a.action as ReferralAction,
        date: a.occurred_on,
        at: a.occurred_at ? a.occurred_at.toISOString() : null,
        data: a.data as ReferralActionData,
        actorId: a.actor_id,
      });
      logs.set(a.referral_id, log);
    }
  }
  let changed = 0;
  for (const r of rows) {
    const p = projectReferral(logs.get(r.id) ?? [], change.calendar);
    if (
      p.next_due_kind === r.next_due_kind &&
      time(p.next_due_at) === time(r.next_due_at) &&
      time(p.next_due_soon_at) === time(r.next_due_soon_at) &&
      p.late_count === r.late_count &&
      p.handover_late === r.handover_late
    )
      continue;
    await trx
      .updateTable('enforcement_referral')
      .set({
        next_due_kind: p.next_due_kind,
        next_due_at: p.next_due_at,
        next_due_soon_at: p.next_due_soon_at,
        late_count: p.late_count,
        handover_late: p.handover_late,
      })
      .where('id', '=', r.id)
      .execute();
    changed++;
  }
  return changed;
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
