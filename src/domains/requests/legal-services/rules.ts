import type { LocalDate } from '../../../platform/calendar/index.js';
import { deadline, dueList } from '../core/clock.js';
import { checkNext, foldStatus, lastOf, onTimeBy, requireData } from '../core/rules.js';
import type { ActTable } from '../../../platform/service/act-table.js';
import type { ActionRecord, Due, Projection, RuleContext } from '../core/spec.js';
import {
  type LegalAidAction,
  type LegalAidActionData,
  type LegalAidStatus,
  legalAidActionLabels,
  legalAidStatusLabels,
} from './schema.js';

export type LegalAidRecord = ActionRecord<LegalAidAction, LegalAidActionData>;

/** 法律援助法 第四十三条: 收到申请之日起七日内审查决定; 决定给予的,三日内指派. */
export const DECISION_DAYS = 7;
export const ASSIGN_DAYS = 3;

export const allowedLegalAidActions = {
  reviewing: ['approve', 'refuse'],
  approved: ['assign'],
  refused: [],
  assigned: ['close'],
  closed: [],
} as const satisfies Record<LegalAidStatus, readonly LegalAidAction[]>;

const statusAfter = {
  apply: 'reviewing',
  approve: 'approved',
  refuse: 'refused',
  assign: 'assigned',
  close: 'closed',
} as const satisfies Record<LegalAidAction, LegalAidStatus>;

const TABLE: ActTable<LegalAidStatus, LegalAidAction> = {
  code: 'requests.actionNotAllowed',
  noun: '法律援助案件',
  allowed: allowedLegalAidActions,
  statusLabels: legalAidStatusLabels,
  actionLabels: legalAidActionLabels,
};

/** A notified case (第三十六条) needs no review: it opens as approved. */
export function deriveLegalAidStatus(
  log: readonly Pick<LegalAidRecord, 'action'>[],
  channel: string,
): LegalAidStatus {
  const initial: LegalAidStatus = channel === 'notice' ? 'approved' : 'reviewing';
  return foldStatus<LegalAidStatus, LegalAidAction>(log, 'apply', initial, TABLE, (_s, a) => statusAfter[a]);
}

const NAMES: Record<string, string> = {
  reason: '不予法律援助的理由',
  lawyerName: '法律援助人员',
  lawFirm: '所在律师事务所或机构',
  result: '结案结果',
};

export function checkLegalAidAction(
  channel: string,
  log: readonly LegalAidRecord[],
  next: LegalAidRecord,
  ctx: RuleContext,
): void {
  const status = deriveLegalAidStatus(log, channel);
  checkNext(TABLE, status, log, next, ctx.today);
  // 第四十三条: 决定不给予的,应当书面告知申请人并说明理由
  if (next.action === 'refuse') requireData(next.data, ['reason'], NAMES);
  if (next.action === 'assign') requireData(next.data, ['lawyerName', 'lawFirm'], NAMES);
  if (next.action === 'close') requireData(next.data, ['result'], NAMES);
}

const calendarDays = (ctx: RuleContext, start: LocalDate, amount: number) =>
  deadline(ctx.calendar, { start, rule: { unit: 'calendarDay', amount, rollOverRestDay: false } });

export function legalAidDues(
  receivedOn: LocalDate,
  channel: string,
  log: readonly LegalAidRecord[],
  ctx: RuleContext,
): Due[] {
  const { dues, add } = dueList();
  if (channel === 'application')
    add(
      'decision',
      '审查并决定是否给予法律援助(收到申请之日起 7 日内,法律援助法第四十三条)',
      calendarDays(ctx, receivedOn, DECISION_DAYS),
      lastOf(log, ['approve', 'refuse']),
    );
  const decided = channel === 'notice' ? log[0] : lastOf(log, ['approve']);
  if (decided)
    add(
      'assign',
      channel === 'notice'
        ? '指派律师(收到通知之日起 3 日内,法律援助法第三十六条)'
        : '指派法律援助人员(决定之日起 3 日内,法律援助法第四十三条)',
      calendarDays(ctx, decided.date, ASSIGN_DAYS),
      lastOf(log, ['assign']),
    );
  return dues;
}

export function projectLegalAid(
  receivedOn: LocalDate,
  channel: string,
  log: readonly LegalAidRecord[],
  ctx: RuleContext,
): Projection {
  const status = deriveLegalAidStatus(log, channel);
  const dues = legalAidDues(receivedOn, channel, log, ctx);
  const open = dues.find((d) => d.metOn === null);
  const close = lastOf(log, ['close']);
  const refuse = lastOf(log, ['refuse']);
  const assign = dues.find((d) => d.kind === 'assign');
  return {
    status,
    outcome: close?.data.result ?? (refuse ? 'refused' : null),
    dueKind: open?.kind ?? null,
    dueOn: open?.dueOn ?? null,
    dueProvisional: open?.provisional ?? false,
    extended: false,
    answeredOn: lastOf(log, ['assign', 'refuse'])?.date ?? null,
    closedOn: close?.date ?? refuse?.date ?? null,
    onTime: assign ? onTimeBy(assign.metOn, assign.dueOn) : null,
    resolved: close
      ? close.data.result === 'won' || close.data.result === 'settled' || close.data.result === 'partly'
      : null,
  };
}
