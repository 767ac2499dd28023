import { addDays, compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { addMonths } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { checkNext, foldStatus, lastOf, onTimeBy, requireData } from '../core/rules.js';
import type { ActTable } from '../../../platform/service/act-table.js';
import type { ActionRecord, Due, Projection, RuleContext } from '../core/spec.js';
import {
  type ProposalAction,
  type ProposalActionData,
  type ProposalStatus,
  proposalActionLabels,
  proposalStatusLabels,
} from './schema.js';

export type ProposalRecord = ActionRecord<ProposalAction, ProposalActionData>;

/** Provincial 办法 (RULES §2.13): answer within 3 months of assignment; complex items ≤ 6 months with approval. */
export const ANSWER_MONTHS = 3;
export const MAX_MONTHS = 6;
/** Re-handling after an unsatisfied deputy: answer again within 3 months. */
export const REHANDLE_MONTHS = 3;

export const allowedProposalActions = {
  handling: ['return', 'extend', 'answer'],
  returned: [],
  answered: ['feedback', 'rehandle', 'close'],
  rehandling: ['answer'],
  closed: [],
} as const satisfies Record<ProposalStatus, readonly ProposalAction[]>;

const statusAfter = (s: ProposalStatus, a: ProposalAction): ProposalStatus =>
  (
    ({
      assign: 'handling',
      return: 'returned',
      extend: 'handling',
      answer: 'answered',
      feedback: s,
      rehandle: 'rehandling',
      close: 'closed',
    }) as const satisfies Record<ProposalAction, ProposalStatus>
  )[a];

const TABLE: ActTable<ProposalStatus, ProposalAction> = {
  code: 'requests.actionNotAllowed',
  noun: '建议提案',
  allowed: allowedProposalActions,
  statusLabels: proposalStatusLabels,
  actionLabels: proposalActionLabels,
};

export function deriveProposalStatus(log: readonly Pick<ProposalRecord, 'action'>[]): ProposalStatus {
  return foldStatus<ProposalStatus, ProposalAction>(log, 'assign', 'handling', TABLE, statusAfter);
}

/** The months of 延期 approved so far. */
const extendedMonths = (log: readonly ProposalRecord[]): number =>
  log.filter((a) => a.action === 'extend').reduce((n, a) => n + (a.data.months ?? 0), 0);

/** The first answer's due day: 3 months from assignment plus the approved months (≤ 6 in all). */
const firstAnswerDue = (assignedOn: LocalDate, log: readonly ProposalRecord[]): LocalDate =>
  addMonths(assignedOn, ANSWER_MONTHS + extendedMonths(log));

/** The answer's due day: the first answer's; a re-handling's 3 months from its start. */
export function proposalAnswerDue(assignedOn: LocalDate, log: readonly ProposalRecord[]): LocalDate {
  const rehandle = lastOf(log, ['rehandle']);
  if (rehandle) return addMonths(rehandle.date, REHANDLE_MONTHS);
  return firstAnswerDue(assignedOn, log);
}

const NAMES: Record<string, string> = {
  reason: '理由',
  approverName: '批准延期的负责人',
  months: '延长的月数',
  grade: '办理结果类别(A/B/C/D)',
  documentNo: '答复文号',
  satisfaction: '代表委员的意见',
};

export function checkProposalAction(
  assignedOn: LocalDate,
  log: readonly ProposalRecord[],
  next: ProposalRecord,
  ctx: RuleContext,
): void {
  const status = deriveProposalStatus(log);
  checkNext(TABLE, status, log, next, ctx.today);
  const d = next.data;
  switch (next.action) {
    case 'return': {
      // misrouted items go back to the assigning office within the local limit, never forwarded by the org itself
      requireData(d, ['reason'], NAMES);
      const end = addDays(assignedOn, ctx.settings.proposalReturnDays);
      if (compareDates(next.date, end) > 0)
        throw invalid(
          'requests.proposal.returnLate',
          `对交办有异议的,应当在收到之日起 ${ctx.settings.proposalReturnDays} 日内退回交办机关(期限至 ${end});逾期应当办理`,
          'date',
        );
      break;
    }
    case 'extend': {
      if (!d.approverName)
        throw invalid(
          'requests.proposal.extensionUnapproved',
          '延期答复须经批准,请填写批准人',
          'data.approverName',
        );
      requireData(d, ['months', 'reason'], NAMES);
      const used = extendedMonths(log);
      if (ANSWER_MONTHS + used + (d.months ?? 0) > MAX_MONTHS)
        throw invalid(
          'requests.proposal.extendTooLong',
          `办理期限自交办之日起最长不得超过 ${MAX_MONTHS} 个月(已延长 ${used} 个月)`,
          'data.months',
        );
      break;
    }
    case 'answer':
      requireData(d, ['grade', 'documentNo'], NAMES);
      break;
    case 'feedback':
      requireData(d, ['satisfaction'], NAMES);
      break;
    case 'rehandle': {
      const feedback = lastOf(log, ['feedback']);
      if (feedback?.data.satisfaction !== 'unsatisfied')
        throw conflict('requests.proposal.rehandleNotNeeded', '代表委员对答复表示不满意的,才重新办理', {
          field: 'action',
        });
      break;
    }
    default:
      break;
  }
}

export function proposalDues(assignedOn: LocalDate, log: readonly ProposalRecord[], ctx: RuleContext): Due[] {
  const out: Due[] = [];
  const ret = log.find((a) => a.action === 'return');
  const firstAnswer = log.find((a) => a.action === 'answer');
  if (!firstAnswer)
    out.push({
      kind: 'return',
      label: `对交办有异议的退回(收到之日起 ${ctx.settings.proposalReturnDays} 日内)`,
      dueOn: addDays(assignedOn, ctx.settings.proposalReturnDays),
      metOn: ret?.date ?? null,
      party: true,
      provisional: false,
    });
  if (ret) return out;
  const rehandle = lastOf(log, ['rehandle']);
  const answerAfter = rehandle
    ? log.slice(log.indexOf(rehandle) + 1).find((a) => a.action === 'answer')
    : firstAnswer;
  out.push({
    kind: rehandle ? 'rehandle' : 'answer',
    label: rehandle
      ? '重新办理并答复(3 个月内)'
      : log.some((a) => a.action === 'extend')
        ? '答复(交办之日起 3 个月,经批准延期,最长 6 个月)'
        : '答复(交办之日起 3 个月内)',
    dueOn: proposalAnswerDue(assignedOn, log),
    metOn: answerAfter?.date ?? null,
    party: false,
    provisional: false,
  });
  return out;
}

export function projectProposal(
  assignedOn: LocalDate,
  log: readonly ProposalRecord[],
  ctx: RuleContext,
): Projection {
  const status = deriveProposalStatus(log);
  const answer = lastOf(log, ['answer']);
  const firstAnswer = log.find((a) => a.action === 'answer');
  const feedback = lastOf(log, ['feedback']);
  const due = proposalDues(assignedOn, log, ctx).find((d) => !d.party);
  const open = status === 'handling' || status === 'rehandling';
  const ret = lastOf(log, ['return']);
  return {
    status,
    outcome: ret ? 'returned' : (answer?.data.grade ?? null),
    dueKind: open ? (due?.kind ?? null) : null,
    dueOn: open ? (due?.dueOn ?? null) : null,
    dueProvisional: false,
    extended: log.some((a) => a.action === 'extend'),
    answeredOn: firstAnswer?.date ?? null,
    closedOn: lastOf(log, ['close', 'return'])?.date ?? null,
    onTime: firstAnswer ? onTimeBy(firstAnswer.date, firstAnswerDue(assignedOn, log)) : null,
    resolved: feedback ? feedback.data.satisfaction !== 'unsatisfied' : null,
  };
}
