import { sql } from 'kysely';
import { addDays, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { dueState, provisionalReason } from '../../../platform/clock/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { staleVersion, writeVersioned } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { authorize } from '../../org/policy.js';
import { DUE_SOON_DAYS } from '../cases/rules.js';
import { afterChange, withdrawalDue } from './rules.js';
import '../tables.js';

/** 撤回 (行政处罚法 第四十八条) as the publication ledger shows it. */
export interface WithdrawalView {
  category: string;
  changeKind: 'amend' | 'revoke' | null;
  changeReason: string | null;
  /** a published decision since changed or revoked must be withdrawn by this day */
  withdrawDueOn: string | null;
  /** why withdrawDueOn is provisional, or null */
  withdrawProvisionalReason: string | null;
  withdrawState: 'normal' | 'dueSoon' | 'overdue' | null;
  withdrawnOn: string | null;
  withdrawNote: string | null;
  /** withdrawn after its due day */
  withdrawLate: boolean;
}

interface WithdrawalColumns {
  status: string;
  category: string;
  change_kind: string | null;
  change_reason: string | null;
  withdraw_due_on: string | null;
  withdrawn_on: string | null;
  withdraw_note: string | null;
}

export function presentWithdrawal(
  r: WithdrawalColumns,
  today: LocalDate,
  calendar: WorkCalendar,
): WithdrawalView {
  const awaiting = r.status === 'published' && r.withdraw_due_on !== null;
  return {
    category: r.category,
    changeKind: (r.change_kind as WithdrawalView['changeKind']) ?? null,
    changeReason: r.change_reason,
    withdrawDueOn: r.withdraw_due_on,
    withdrawProvisionalReason: provisionalReason(calendar, r.withdraw_due_on),
    withdrawState: awaiting && r.withdraw_due_on ? dueState(r.withdraw_due_on, today, DUE_SOON_DAYS) : null,
    withdrawnOn: r.withdrawn_on,
    withdrawNote: r.withdraw_note,
    withdrawLate: r.withdrawn_on !== null && r.withdraw_due_on !== null && r.withdrawn_on > r.withdraw_due_on,
  };
}

/** The ledger filter of publications awaiting withdrawal (all, 临期, 逾期) — the SQL twin of withdrawState. */
export function withdrawalWhere(kind: 'pending' | 'dueSoon' | 'overdue', today: LocalDate) {
  const base = sql`p.status = 'published' and p.withdraw_due_on is not null`;
  if (kind === 'overdue') return sql<boolean>`${base} and p.withdraw_due_on < ${today}::date`;
  if (kind === 'dueSoon')
    return sql<boolean>`${base} and p.withdraw_due_on between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date`;
  return sql<boolean>`${base}`;
}

/** A 变更 / 撤销 of a decision, as its publication is told of it. */
export interface DecisionChange {
  kind: 'amend' | 'revoke';
  date: LocalDate;
  reason: string;
}

/**
 * The one statement a 变更 / 撤销 act makes on its case's publication (afterChange, as SQL over the
 * row's status at the moment of writing): a published decision gets its withdrawal clock (3 working
 * days from the change); one not yet published is withheld with the reason; any other is left
 * alone. Returns the changed row; run it alone or as a CTE of the act's write.
 */
export function decisionChangeQuery(
  trx: Tx,
  caseId: string,
  change: DecisionChange,
  calendar: WorkCalendar,
  actorId: string | null,
) {
  const label = change.kind === 'amend' ? '决定已变更' : '决定已撤销';
  return trx
    .updateTable('enforcement_publication')
    .set((eb) => ({
      status: sql<string>`case when status = 'pending' then 'withheld' else status end`,
      withheld_reason: sql<
        string | null
      >`case when status = 'pending' then ${`${label}:${change.reason}`}::text
        else withheld_reason end`,
      withheld_on: sql<string | null>`case when status = 'pending' then ${change.date}::date
        else withheld_on end`,
      withdraw_due_on: sql<string | null>`case when status = 'published'
        then ${withdrawalDue(calendar, change.date)}::date else withdraw_due_on end`,
      change_kind: change.kind,
      change_reason: change.reason,
      updated_by: actorId,
      version: eb('version', '+', 1),
    }))
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'published'])
    .returningAll();
}

/** What a change did to the publication, told from the row it returned (afterChange's answer). */
export function changeEffect(
  changed: { status: string } | null | undefined,
): 'withdraw' | 'withhold' | 'none' {
  if (!changed) return 'none';
  return afterChange(changed.status === 'published' ? 'published' : 'pending');
}

/**
 * In the transaction of cases written with a decision already changed or revoked (createCases):
 * the same statement as a live 变更 / 撤销 act. Returns what was done.
 */
export async function applyDecisionChange(
  trx: Tx,
  caseId: string,
  change: DecisionChange,
  calendar: WorkCalendar,
  actorId: string | null,
): Promise<'withdraw' | 'withhold' | 'none'> {
  return changeEffect(await decisionChangeQuery(trx, caseId, change, calendar, actorId).executeTakeFirst());
}

/** 撤回 a published decision that was changed or revoked, with the date and an explanation (第四十八条). */
export async function withdrawPublication(
  ctx: Ctx,
  id: string,
  input: { version: number; date: LocalDate; note: string },
): Promise<void> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const today = chinaDate(ctx.now());
  const r = await ctx.db
    .selectFrom('enforcement_publication as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where(inScope(ctx.scope, 'p'))
    .executeTakeFirst();
  if (!r) throw notFound('enforcement.publicationNotFound', '公示记录不存在或不在您的权限范围内');
  if (r.status !== 'published' || !r.withdraw_due_on)
    throw conflict(
      'enforcement.publicationNotWithdrawable',
      '只有已公示且决定已变更或撤销的公示信息才能撤回(《中华人民共和国行政处罚法》第四十八条)',
      { field: 'status' },
    );
  const note = input.note.trim();
  if (note.length < 2) throw invalid('enforcement.withdrawNote', '请填写撤回说明', 'note');
  if (input.date < (r.published_on ?? r.decided_on) || input.date > today)
    throw invalid('enforcement.withdrawDate', `撤回日期应在公示日期 ${r.published_on} 与今天之间`, 'date');
  if (input.version !== r.version) throw staleVersion();
  await writeVersioned(
    ctx,
    'enforcement_publication',
    id,
    input.version,
    {
      status: 'withdrawn',
      withdrawn_on: input.date,
      withdraw_note: note,
    },
    {
      action: 'enforcement.publication.withdraw',
      orgId: r.org_id,
      regionCode: r.region_code,
      change: { date: input.date, note, due: r.withdraw_due_on },
    },
  );
}
