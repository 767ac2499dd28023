import type { LocalDate } from '../../../platform/calendar/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { deadline, dueList, workdaysAfter } from '../core/clock.js';
import {
  checkExtension,
  checkNext,
  type ExtensionRule,
  foldStatus,
  lastOf,
  onTimeBy,
  requireData,
} from '../core/rules.js';
import type { ActTable } from '../../../platform/service/act-table.js';
import type { ActionRecord, Due, Projection, RuleContext } from '../core/spec.js';
import {
  type AnswerType,
  type DisclosureAction,
  type DisclosureActionData,
  type DisclosureChannel,
  type DisclosureStatus,
  disclosureActionLabels,
  disclosureStatusLabels,
} from './schema.js';

export type DisclosureRecord = ActionRecord<DisclosureAction, DisclosureActionData>;

/** 政府信息公开条例 第三十三条: 20 个工作日; extension ≤ 20 个工作日, once, approved. */
export const ANSWER_WORKDAYS = 20;
export const EXTENSION_WORKDAYS = 20;
/** 第三十条: 补正 is asked for once, within 7 个工作日 of receipt. */
export const CORRECTION_NOTICE_WORKDAYS = 7;
/** 第三十二条: the third party answers within 15 个工作日. */
export const THIRD_PARTY_WORKDAYS = 15;

/** The acts allowed in each status: the one table an application follows. */
export const allowedDisclosureActions = {
  processing: ['requestCorrection', 'consultThirdParty', 'extend', 'answer', 'withdraw'],
  awaitingCorrection: ['correct', 'lapse', 'withdraw'],
  consulting: ['thirdPartyReply', 'withdraw'],
  answered: ['serve'],
  served: [],
  withdrawn: [],
  abandoned: [],
} as const satisfies Record<DisclosureStatus, readonly DisclosureAction[]>;

const statusAfter = {
  receive: 'processing',
  requestCorrection: 'awaitingCorrection',
  correct: 'processing',
  lapse: 'abandoned',
  consultThirdParty: 'consulting',
  thirdPartyReply: 'processing',
  extend: 'processing',
  answer: 'answered',
  serve: 'served',
  withdraw: 'withdrawn',
} as const satisfies Record<DisclosureAction, DisclosureStatus>;

const TABLE: ActTable<DisclosureStatus, DisclosureAction> = {
  code: 'requests.actionNotAllowed',
  noun: '申请',
  allowed: allowedDisclosureActions,
  statusLabels: disclosureStatusLabels,
  actionLabels: disclosureActionLabels,
};

export function deriveDisclosureStatus(log: readonly Pick<DisclosureRecord, 'action'>[]): DisclosureStatus {
  return foldStatus<DisclosureStatus, DisclosureAction>(
    log,
    'receive',
    'processing',
    TABLE,
    (_s, a) => statusAfter[a],
  );
}

/**
 * 第三十一条: the day an application counts as received — 当面提交 the day it is handed in;
 * 邮寄 the day the office signs for it; 平常信函 (no signature), 网络 and 传真 the day both sides
 * confirm it.
 */
export function receiptDate(
  channel: DisclosureChannel,
  dates: {
    submittedOn?: LocalDate | undefined;
    signedOn?: LocalDate | undefined;
    confirmedOn?: LocalDate | undefined;
  },
): LocalDate {
  const need = (value: LocalDate | undefined, field: string, what: string) => {
    if (!value)
      throw invalid(
        'requests.disclosure.receiptDate',
        `请填写${what}(《政府信息公开条例》第三十一条)`,
        field,
      );
    return value;
  };
  if (channel === 'inPerson') return need(dates.submittedOn, 'submittedOn', '当面提交的日期');
  if (channel === 'mailSigned') return need(dates.signedOn, 'signedOn', '邮件签收日期');
  return need(dates.confirmedOn, 'confirmedOn', '与申请人确认申请的日期');
}

/**
 * 第三十三条 with 第三十条 and 第三十三条第三款: the answer is due 20 working days after the start —
 * the receipt, or the day the 补正 arrived (第三十条: 答复期限自收到补正的申请之日起计算) —
 * plus 20 working days when an extension was approved; the days from sending a third-party
 * consultation to its reply (both inclusive) do not count. Null while the clock stands still
 * (awaiting 补正, or a consultation unanswered).
 */
export function disclosureAnswerDue(
  receivedOn: LocalDate,
  log: readonly Pick<DisclosureRecord, 'action' | 'date'>[],
  ctx: Pick<RuleContext, 'calendar'>,
): { due: LocalDate | null; provisional: boolean } {
  let start = receivedOn;
  let awaiting = false;
  const pauses: { from: LocalDate; to?: LocalDate }[] = [];
  let extended = false;
  for (const a of log) {
    if (a.action === 'requestCorrection') awaiting = true;
    if (a.action === 'correct') {
      start = a.date;
      awaiting = false;
      pauses.length = 0;
    }
    if (a.action === 'consultThirdParty') pauses.push({ from: a.date });
    if (a.action === 'thirdPartyReply') {
      const open = pauses[pauses.length - 1];
      if (open && open.to === undefined) open.to = a.date;
    }
    if (a.action === 'extend') extended = true;
  }
  if (awaiting) return { due: null, provisional: false };
  return deadline(ctx.calendar, {
    start,
    rule: { unit: 'workday', amount: ANSWER_WORKDAYS },
    pauses,
    extensions: extended ? [{ amount: EXTENSION_WORKDAYS }] : [],
  });
}

const WITHHELD = (t: AnswerType) => t.startsWith('withheld.');

const FIELD_NAMES: Record<string, string> = {
  approverName: '批准延期的政府信息公开工作机构负责人',
  reason: '理由',
  thirdParty: '第三方名称',
  thirdPartyView: '第三方意见',
  answerType: '答复类型',
  disclosedPart: '公开的部分',
  withheldPart: '不予公开的部分及理由',
  feeBasis: '收取信息处理费的依据',
  documentNo: '答复书文号',
  method: '送达方式',
};

const EXTENSION: ExtensionRule = {
  code: 'requests.disclosure',
  period: '答复期限',
  approval: '政府信息公开工作机构负责人同意',
  limit: '最长 20 个工作日',
  basis: '《政府信息公开条例》第三十三条第二款',
};

/** Checks one new act of an application against its log (throws naming the article). */
export function checkDisclosureAction(
  receivedOn: LocalDate,
  log: readonly DisclosureRecord[],
  next: DisclosureRecord,
  ctx: RuleContext,
): void {
  const status = deriveDisclosureStatus(log);
  checkNext(TABLE, status, log, next, ctx.today);
  const d = next.data;
  switch (next.action) {
    case 'requestCorrection':
      // 第三十条: 一次性告知 — one request for 补正 per application
      if (log.some((a) => a.action === 'requestCorrection'))
        throw conflict(
          'requests.disclosure.correctionOnce',
          '补正应当一次性告知申请人,不能再次要求补正(《政府信息公开条例》第三十条)',
          { field: 'action' },
        );
      requireData(d, ['reason'], { reason: '需要补正的事项' });
      break;
    case 'consultThirdParty':
      requireData(d, ['thirdParty'], FIELD_NAMES);
      break;
    case 'thirdPartyReply':
      requireData(d, ['thirdPartyView'], FIELD_NAMES);
      break;
    case 'extend':
      // 第三十三条第二款: 需要延长答复期限的,应当经政府信息公开工作机构负责人同意 … 延长的期限最长不得超过20个工作日
      checkExtension(EXTENSION, log, next, () => disclosureAnswerDue(receivedOn, log, ctx).due);
      break;
    case 'answer': {
      if (!d.answerType)
        throw invalid(
          'requests.disclosure.answerType',
          '请选择《政府信息公开条例》第三十六条规定的答复类型',
          'data.answerType',
        );
      requireData(d, ['documentNo'], FIELD_NAMES);
      // 第三十七条: 区分处理 — say what is given and what is withheld, and why
      if (d.answerType === 'partial') requireData(d, ['disclosedPart', 'withheldPart'], FIELD_NAMES);
      // 第三十六条第三项: 不予公开的,告知申请人并说明理由
      if (WITHHELD(d.answerType)) requireData(d, ['reason'], { reason: '不予公开的理由' });
      // 第四十二条: 信息处理费 only where the volume or frequency clearly exceeds a reasonable range
      if (d.fee !== undefined && d.fee > 0) requireData(d, ['feeBasis'], FIELD_NAMES);
      break;
    }
    case 'serve':
      requireData(d, ['method'], FIELD_NAMES);
      break;
    default:
      break;
  }
}

const OUTCOME: Partial<Record<DisclosureAction, string>> = {
  lapse: 'other.lapsedCorrection',
  withdraw: 'other.withdrawn',
};

/** The ledger columns of an application, from its log. */
export function projectDisclosure(
  receivedOn: LocalDate,
  log: readonly DisclosureRecord[],
  ctx: RuleContext,
): Projection {
  const status = deriveDisclosureStatus(log);
  const answer = lastOf(log, ['answer']);
  const end = lastOf(log, ['lapse', 'withdraw']);
  const due = disclosureAnswerDue(receivedOn, log, ctx);
  const open = status === 'processing' || status === 'consulting' || status === 'awaitingCorrection';
  const served = lastOf(log, ['serve']);
  return {
    status,
    outcome: answer?.data.answerType ?? (end ? (OUTCOME[end.action] ?? null) : null),
    dueKind: open ? (status === 'awaitingCorrection' ? 'correction' : 'answer') : null,
    dueOn: open ? due.due : null,
    dueProvisional: due.provisional,
    extended: log.some((a) => a.action === 'extend'),
    answeredOn: answer?.date ?? null,
    closedOn: served?.date ?? end?.date ?? null,
    onTime: answer ? onTimeBy(answer.date, due.due) : null,
    resolved: null,
  };
}

/** The clocks of an application: the answer, the 补正 notice, the third party's window. */
export function disclosureDues(
  receivedOn: LocalDate,
  log: readonly DisclosureRecord[],
  ctx: RuleContext,
): Due[] {
  const { dues, add } = dueList();
  const correction = log.find((a) => a.action === 'requestCorrection');
  if (correction)
    add(
      'correctionNotice',
      '一次性告知补正(收到申请之日起 7 个工作日内,第三十条)',
      workdaysAfter(ctx.calendar, receivedOn, CORRECTION_NOTICE_WORKDAYS),
      correction,
    );
  log.forEach((a, i) => {
    if (a.action !== 'consultThirdParty') return;
    add(
      'thirdParty',
      '第三方提出意见(收到征求意见书之日起 15 个工作日内,第三十二条;不计入答复期限)',
      workdaysAfter(ctx.calendar, a.date, THIRD_PARTY_WORKDAYS),
      log.slice(i + 1).find((x) => x.action === 'thirdPartyReply'),
      true,
    );
  });
  add(
    'answer',
    log.some((a) => a.action === 'extend')
      ? '答复(20 个工作日,经批准延长 20 个工作日,第三十三条)'
      : '答复(收到申请之日起 20 个工作日内,第三十三条)',
    disclosureAnswerDue(receivedOn, log, ctx),
    lastOf(log, ['answer', 'lapse', 'withdraw']),
  );
  return dues;
}
