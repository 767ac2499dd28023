import {
  addDays,
  compareDates,
  daysBetween,
  type LocalDate,
  type WorkCalendar,
} from '../../../platform/calendar/index.js';
import type { Pause } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct, foldActs, isActAllowed } from '../../../platform/service/act-table.js';
import { period, WARN_DAYS } from '../clock.js';
import type {
  ActKind,
  Channel,
  Outcome,
  PenaltyType,
  Procedure,
  ReconAction,
  ReconActionRecord,
  ReconStatus,
} from './schema.js';
import { outcomeLabels, procedureLabels, reconActionLabels, reconStatusLabels } from './labels.js';
import { REQUIRED } from './required.js';

/** The acts allowed in each status: the one table a 复议 case follows. */
export const allowedReconActions = {
  received: ['requestCorrection', 'accept', 'deemAccept', 'reject', 'withdraw', 'recordMediation'],
  correcting: ['supplyCorrection', 'correctionLapsed', 'withdraw'],
  accepted: [
    'sendCopy',
    'receiveAnswer',
    'noticeHearing',
    'holdHearing',
    'recordMediation',
    'requestNormReview',
    'convertToOrdinary',
    'suspend',
    'extend',
    'withdraw',
    'terminate',
    'decide',
  ],
  suspended: ['resume', 'recordMediation', 'withdraw', 'terminate'],
  decided: ['serve', 'publish', 'issueOpinion', 'receiveCorrectionReport', 'archive'],
  terminated: ['serve', 'archive'],
  rejected: ['serve', 'archive'],
  withdrawn: ['archive'],
  archived: [],
} as const satisfies Record<ReconStatus, readonly ReconAction[]>;

/** The status an act leads to; null = the status does not change. 撤回 after acceptance ends in 终止 (第四十一条). */
export function reconStatusAfter(status: ReconStatus, action: ReconAction): ReconStatus {
  switch (action) {
    case 'apply':
    case 'supplyCorrection':
      return 'received';
    case 'requestCorrection':
      return 'correcting';
    case 'correctionLapsed':
      return 'withdrawn';
    case 'accept':
    case 'deemAccept':
    case 'resume':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'withdraw':
      return status === 'received' || status === 'correcting' ? 'withdrawn' : 'terminated';
    case 'suspend':
    // 第三十九条第一款第七项: the case stands still while the 附带审查 (第五十六条、第五十七条) is pending
    case 'requestNormReview':
      return 'suspended';
    case 'terminate':
      return 'terminated';
    case 'decide':
      return 'decided';
    case 'archive':
      return 'archived';
    default:
      return status;
  }
}

const reconActs: ActTable<ReconStatus, ReconAction> = {
  code: 'disputes.reconsideration.actionNotAllowed',
  noun: '复议案件',
  allowed: allowedReconActions,
  statusLabels: reconStatusLabels,
  actionLabels: reconActionLabels,
};

export function isReconActionAllowed(status: ReconStatus, action: ReconAction): boolean {
  return isActAllowed(reconActs, status, action);
}

/** A case's status is its log folded through the table; an illegal log throws. */
export function deriveReconStatus(log: readonly Pick<ReconActionRecord, 'action'>[]): ReconStatus {
  const [first, ...rest] = log;
  if (first?.action !== 'apply')
    throw invalid('disputes.reconsideration.notApplied', '复议案件须以收到申请开始', 'action');
  return foldActs(reconActs, 'received', rest, reconStatusAfter);
}

/** The procedure in force: set at acceptance, 普通 after a 转为普通程序 (第五十五条). */
export function procedureOf(log: readonly ReconActionRecord[]): Procedure | null {
  let p: Procedure | null = null;
  for (const a of log) {
    if (a.action === 'accept' || a.action === 'deemAccept') p = a.data.procedure ?? 'ordinary';
    if (a.action === 'convertToOrdinary') p = 'ordinary';
  }
  return p;
}

/**
 * The day a channel's application counts as filed for the 60-day application period (第二十条):
 * 邮寄 — the postmark (民事诉讼法 第八十五条 via 第八十八条: 期间不包括在途时间); 转交 — the day the
 * respondent received it (第三十二条); 当面 and 网上 — the day received.
 */
export function filedOnFor(
  channel: Channel,
  receivedOn: LocalDate,
  filedOn: LocalDate | undefined,
): LocalDate {
  if ((channel === 'mail' || channel === 'transfer') && filedOn) return filedOn;
  return receivedOn;
}

/** 第二十条: the application is made within 60 days of knowing the act (calendar days; 第八十八条 makes only 3/5/7/10 working days). */
export function applicationPeriod(calendar: WorkCalendar, knownOn: LocalDate) {
  return period(calendar, knownOn, { unit: 'calendarDay', amount: 60 });
}

/** Facts of the contested act that decide 复议前置 and 简易 eligibility. */
export interface ActFacts {
  kind: ActKind;
  onTheSpot: boolean;
  penaltyTypes: readonly PenaltyType[];
  amount: number | null;
  partiesAgreeSimple: boolean;
}

/**
 * 第二十三条: 复议前置 — 当场作出的行政处罚; 自然资源权属确认; 不履行法定职责; 政府信息公开不予公开
 * (taken as every 信息公开 answer contested); others where another law says so (`byLaw`).
 */
export function preconditionRequired(act: Pick<ActFacts, 'kind' | 'onTheSpot'>, byLaw: boolean): boolean {
  if (byLaw) return true;
  if (act.kind === 'penalty' && act.onTheSpot) return true;
  return act.kind === 'resourceOwnership' || act.kind === 'nonPerformance' || act.kind === 'infoDisclosure';
}

/**
 * 第五十三条: 简易程序 for an act made on the spot; a 警告 or 通报批评; an amount of 3,000 元 or
 * less; a 政府信息公开 case; or any case where all parties agree. Returns the ground, or null.
 */
export function simpleGround(act: ActFacts): string | null {
  if (act.onTheSpot) return '被申请行政复议的行政行为是当场作出';
  if (
    act.kind === 'penalty' &&
    act.penaltyTypes.length > 0 &&
    act.penaltyTypes.every((t) => t === 'warning' || t === 'criticism')
  )
    return '被申请行政复议的行政行为是警告或者通报批评';
  if (act.amount !== null && act.amount <= 3000) return '案件涉及款额三千元以下';
  if (act.kind === 'infoDisclosure') return '属于政府信息公开案件';
  if (act.partiesAgreeSimple) return '当事人各方同意适用简易程序';
  return null;
}

/**
 * Outcomes a decision may take, by procedure (第六十三条至第七十三条). 简易程序 is for the small
 * matters of 第五十三条; 确认无效 (第六十七条, 重大且明显违法), the 行政协议 remedies (第七十一条) and a
 * stand-alone 赔偿 (第七十二条) need the full procedure: the 复议机构 converts first (第五十五条).
 * A county's practice may narrow this table; the statute does not widen it.
 */
export const outcomesByProcedure = {
  ordinary: [
    'change',
    'revoke',
    'confirmUnlawful',
    'orderPerformance',
    'confirmInvalid',
    'uphold',
    'dismissRequest',
    'dismissApplication',
    'agreementRemedy',
    'compensation',
    'mediation',
  ],
  simple: [
    'change',
    'revoke',
    'confirmUnlawful',
    'orderPerformance',
    'uphold',
    'dismissRequest',
    'dismissApplication',
    'mediation',
  ],
} as const satisfies Record<Procedure, readonly Outcome[]>;

/** 纠错: the outcomes that correct the act (第六十三条至第六十七条). The one definition 纠错率 uses. */
export const CORRECTING_OUTCOMES: readonly Outcome[] = [
  'change',
  'revoke',
  'confirmUnlawful',
  'orderPerformance',
  'confirmInvalid',
];

export type ReconDueKind =
  | 'correctionNotice'
  | 'correctionAnswer'
  | 'acceptanceReview'
  | 'copy'
  | 'answer'
  | 'decision'
  | 'correctionReport';

export const reconDueLabels = {
  correctionNotice: '通知补正(收到申请之日起 5 个工作日内,第三十一条)',
  correctionAnswer: '申请人补正(收到补正通知之日起 10 个工作日内,第三十一条)',
  acceptanceReview: '受理审查(5 个工作日内,第三十条)',
  copy: '发送申请书副本(受理之日起 7 个工作日内,简易程序 3 个工作日内,第四十八条、第五十四条)',
  answer: '被申请人答复(收到副本之日起 10 个工作日内,简易程序 5 个工作日内,第四十八条、第五十四条)',
  decision: '作出复议决定(受理之日起 60 日,可延长 30 日;简易程序 30 日,第六十二条)',
  correctionReport: '报送整改情况(收到意见书之日起 60 日内,第七十六条)',
} as const satisfies Record<ReconDueKind, string>;

/** Whose duty a clock is. The applicant's 补正 is an option: it lapses (视为放弃), never 逾期. */
export type ReconDueOwner = 'office' | 'respondent' | 'applicant' | 'recipient';

export interface ReconDue {
  kind: ReconDueKind;
  owner: ReconDueOwner;
  start: LocalDate;
  /** null while 中止 stops the clock */
  dueOn: LocalDate | null;
  pausedSince: LocalDate | null;
  pausedDays: number;
  /** days added by an approved extension */
  extendedDays: number;
  metOn: LocalDate | null;
  late: boolean;
  provisional: boolean;
}

/**
 * 中止 periods: from the 中止 date to the day before 恢复 the decision clock stands still (第三十九条);
 * a request for 附带审查 of a 规范性文件 is such a 中止 until the case resumes (第三十九条第一款第七项).
 */
export function suspensionPauses(log: readonly ReconActionRecord[]): Pause[] {
  const pauses: Pause[] = [];
  let open: LocalDate | null = null;
  for (const a of log) {
    if ((a.action === 'suspend' || a.action === 'requestNormReview') && !open) open = a.date;
    if (a.action === 'resume' && open) {
      if (compareDates(a.date, open) > 0) pauses.push({ from: open, to: addDays(a.date, -1) });
      open = null;
    }
  }
  if (open) pauses.push({ from: open });
  return pauses;
}

const WORKDAY = (amount: number) => ({ unit: 'workday' as const, amount });
const DAYS = (amount: number) => ({ unit: 'calendarDay' as const, amount });

/**
 * The clocks of a 复议 case, from its log. 第八十八条: the 三日、五日、七日、十日 of the Act are
 * working days; every other period (the 60 / 30 days to decide, the 60 days for the correction
 * report) counts calendar days, moved off a rest day at the end.
 */
export function reconDues(log: readonly ReconActionRecord[], calendar: WorkCalendar): ReconDue[] {
  const out: ReconDue[] = [];
  const firstAfter = (i: number, kinds: readonly ReconAction[]) =>
    log.slice(i + 1).find((a) => kinds.includes(a.action));
  const push = (
    kind: ReconDueKind,
    owner: ReconDueOwner,
    start: LocalDate,
    rule: { unit: 'workday' | 'calendarDay'; amount: number },
    met: ReconActionRecord | undefined,
    pauses: Pause[] = [],
    extendedDays = 0,
  ) => {
    const p = period(calendar, start, rule, pauses, extendedDays ? [{ amount: extendedDays }] : []);
    out.push({
      kind,
      owner,
      start,
      dueOn: p.due,
      pausedSince: p.pausedSince,
      pausedDays: p.pausedDays,
      extendedDays,
      metOn: met?.date ?? null,
      late: met !== undefined && p.due !== null && compareDates(met.date, p.due) > 0,
      provisional: p.provisional,
    });
  };
  const procedure = procedureOf(log);
  const simple = procedure === 'simple';
  const reviewEnds: readonly ReconAction[] = [
    'accept',
    'deemAccept',
    'reject',
    'withdraw',
    'requestCorrection',
  ];
  log.forEach((a, i) => {
    if (a.action === 'apply') {
      push('correctionNotice', 'office', a.date, WORKDAY(5), firstAfter(i, reviewEnds));
      push('acceptanceReview', 'office', a.date, WORKDAY(5), firstAfter(i, reviewEnds));
    }
    if (a.action === 'requestCorrection')
      push(
        'correctionAnswer',
        'applicant',
        a.date,
        WORKDAY(10),
        firstAfter(i, ['supplyCorrection', 'correctionLapsed', 'withdraw']),
      );
    // 第三十一条: the review restarts from the day the 补正 materials arrive
    if (a.action === 'supplyCorrection')
      push(
        'acceptanceReview',
        'office',
        a.date,
        WORKDAY(5),
        firstAfter(i, ['accept', 'deemAccept', 'reject', 'withdraw']),
      );
    if (a.action === 'accept' || a.action === 'deemAccept') {
      const sent = firstAfter(i, ['sendCopy']);
      push('copy', 'office', a.date, WORKDAY(simple ? 3 : 7), sent);
      const extension = log.find((x) => x.action === 'extend');
      push(
        'decision',
        'office',
        a.date,
        DAYS(simple ? 30 : 60),
        firstAfter(i, ['decide', 'terminate', 'withdraw']),
        suspensionPauses(log),
        extension?.data.days ?? 0,
      );
    }
    if (a.action === 'sendCopy')
      push('answer', 'respondent', a.date, WORKDAY(simple ? 5 : 10), firstAfter(i, ['receiveAnswer']));
    if (a.action === 'issueOpinion')
      push('correctionReport', 'recipient', a.date, DAYS(60), firstAfter(i, ['receiveCorrectionReport']));
  });
  return out;
}

export type ReconDueState = 'normal' | 'dueSoon' | 'overdue' | 'met' | 'paused' | 'lapsed';

/** A clock's state on `today`: a 补正 window that passed has lapsed (视为放弃), never 逾期. */
export function reconDueState(d: ReconDue, today: LocalDate): ReconDueState {
  if (d.metOn) return 'met';
  if (d.dueOn === null) return 'paused';
  const left = daysBetween(today, d.dueOn);
  if (left < 0) return d.owner === 'applicant' ? 'lapsed' : 'overdue';
  return left <= WARN_DAYS ? 'dueSoon' : 'normal';
}

const CLOSED: readonly ReconStatus[] = ['withdrawn', 'rejected', 'terminated', 'archived'];

/** The earliest open duty (the office's, the respondent's or the recipient's) — the ledger's 临期 / 逾期. */
export function nextReconDue(dues: readonly ReconDue[], status: ReconStatus): ReconDue | null {
  if (CLOSED.includes(status)) return null;
  const open = dues
    .filter((d) => d.metOn === null && d.dueOn !== null && d.owner !== 'applicant')
    // the 补正-notice clock is met by any review act; while it runs, the review clock shows the same day
    .filter((d) => d.kind !== 'correctionNotice')
    // once decided, only the recipient's correction report is still owed
    .filter((d) => status !== 'decided' || d.kind === 'correctionReport')
    .sort((a, b) => compareDates(a.dueOn ?? '', b.dueOn ?? ''));
  return open[0] ?? null;
}

/** What the system marks on its own on `today`: 视为受理 (第三十条) and 视为放弃 (第三十一条). */
export function automaticAct(
  log: readonly ReconActionRecord[],
  calendar: WorkCalendar,
  today: LocalDate,
): ReconActionRecord | null {
  const status = deriveReconStatus(log);
  const dues = reconDues(log, calendar);
  if (status === 'received') {
    const review = [...dues].reverse().find((d) => d.kind === 'acceptanceReview');
    if (review?.dueOn && review.metOn === null && compareDates(today, review.dueOn) > 0)
      return { action: 'deemAccept', date: review.dueOn, data: { procedure: 'ordinary' }, actorId: null };
  }
  if (status === 'correcting') {
    const answer = [...dues].reverse().find((d) => d.kind === 'correctionAnswer');
    if (answer?.dueOn && answer.metOn === null && compareDates(today, answer.dueOn) > 0)
      return { action: 'correctionLapsed', date: addDays(answer.dueOn, 1), data: {}, actorId: null };
  }
  return null;
}

/** What a case knows about itself that the checks use. */
export interface ReconCaseFacts {
  act: ActFacts;
}

const FIELD_NAMES: Record<keyof ReconActionRecord['data'], string> = {
  items: '补正事项',
  procedure: '审理程序',
  reason: '理由',
  mediated: '是否经调解',
  mediationResult: '调解结果',
  hearingOn: '听证日期',
  suspensionGround: '中止事由',
  terminationGround: '终止事由',
  days: '延长天数',
  approver: '批准延长的复议机构负责人',
  outcome: '决定类型',
  documentNo: '文书编号',
  text: '正文',
  normTitle: '规范性文件名称',
  normIssuer: '制定机关',
  reviewId: '合法性审查事项',
  opinionKind: '文书类别',
  recipient: '收件单位',
  note: '备注',
};

const once: Partial<Record<ReconAction, string>> = {
  requestCorrection: '补正通知应当一次性载明需要补正的全部事项(第三十一条),不能再次通知补正',
  sendCopy: '申请书副本已经发送',
  receiveAnswer: '已经收到被申请人的答复',
  extend: '审理期限只能延长一次,且不超过 30 日(第六十二条)',
  convertToOrdinary: '本案已转为普通程序',
  serve: '已经送达',
  publish: '复议决定书已经公开',
};

/**
 * Checks one new act against the log so far: allowed in the status; dated on or after the
 * application and the previous act, and not after today; the facts the statute asks for; and the
 * act's own rule (简易 eligibility, one 补正 notice, the hearing notice period, one extension, the
 * outcomes of the procedure, acceptance review not yet expired).
 */
export function checkReconAction(
  log: readonly ReconActionRecord[],
  next: ReconActionRecord,
  facts: ReconCaseFacts,
  ctx: { today: LocalDate; calendar: WorkCalendar },
): void {
  const status = deriveReconStatus(log);
  checkAct(reconActs, status, next.action);
  const acceptance = log.find((a) => a.action === 'accept' || a.action === 'deemAccept');
  if (next.action === 'decide' && acceptance && compareDates(next.date, acceptance.date) < 0)
    throw invalid(
      'disputes.reconsideration.decisionBeforeAcceptance',
      `决定日期 ${next.date} 早于受理日期 ${acceptance.date}`,
      'date',
    );
  const first = log[0];
  if (first && compareDates(next.date, first.date) < 0)
    throw invalid(
      'disputes.reconsideration.beforeApplication',
      `日期 ${next.date} 早于收到申请的日期 ${first.date}`,
      'date',
    );
  const last = log[log.length - 1];
  if (last && compareDates(next.date, last.date) < 0)
    throw invalid(
      'disputes.reconsideration.beforePrevious',
      `日期 ${next.date} 早于上一环节“${reconActionLabels[last.action]}”的日期 ${last.date}`,
      'date',
    );
  if (compareDates(next.date, ctx.today) > 0)
    throw invalid('disputes.reconsideration.futureDate', `日期 ${next.date} 晚于今天`, 'date');
  for (const key of REQUIRED[next.action] ?? []) {
    if (next.data[key] === undefined)
      throw invalid('disputes.reconsideration.dataRequired', `请填写${FIELD_NAMES[key]}`, `data.${key}`);
  }
  const onceMsg = once[next.action];
  if (onceMsg && log.some((a) => a.action === next.action))
    throw conflict('disputes.reconsideration.once', onceMsg, { field: 'action' });

  const procedure = procedureOf(log);
  const dues = reconDues(log, ctx.calendar);
  switch (next.action) {
    case 'accept': {
      const review = [...dues].reverse().find((d) => d.kind === 'acceptanceReview');
      if (review?.dueOn && compareDates(next.date, review.dueOn) > 0)
        throw invalid(
          'disputes.reconsideration.reviewExpired',
          `受理审查期限已于 ${review.dueOn} 届满,依法视为受理(第三十条),请办理“视为受理”`,
          'date',
        );
      if ((next.data.procedure ?? 'ordinary') === 'simple') checkSimple(facts.act);
      break;
    }
    case 'reject':
    case 'requestCorrection': {
      const review = [...dues].reverse().find((d) => d.kind === 'acceptanceReview');
      if (review?.dueOn && compareDates(next.date, review.dueOn) > 0)
        throw invalid(
          'disputes.reconsideration.reviewExpired',
          `受理审查期限已于 ${review.dueOn} 届满,未作出不予受理决定的视为受理(第三十条),不能再${next.action === 'reject' ? '不予受理' : '通知补正'}`,
          'date',
        );
      break;
    }
    case 'deemAccept': {
      const review = [...dues].reverse().find((d) => d.kind === 'acceptanceReview');
      if (!review?.dueOn || compareDates(ctx.today, review.dueOn) <= 0)
        throw conflict(
          'disputes.reconsideration.reviewRunning',
          `受理审查期限至 ${review?.dueOn ?? '—'} 尚未届满,不能视为受理`,
          { field: 'action' },
        );
      if (next.date !== review.dueOn)
        throw invalid(
          'disputes.reconsideration.deemedDate',
          `视为受理的日期应为审查期限届满之日 ${review.dueOn}`,
          'date',
        );
      break;
    }
    case 'correctionLapsed': {
      const answer = [...dues].reverse().find((d) => d.kind === 'correctionAnswer');
      if (answer?.dueOn && compareDates(next.date, answer.dueOn) <= 0)
        throw invalid(
          'disputes.reconsideration.correctionRunning',
          `补正期限至 ${answer.dueOn},期限届满前不能视为放弃申请`,
          'date',
        );
      break;
    }
    case 'convertToOrdinary':
      if (procedure !== 'simple')
        throw conflict(
          'disputes.reconsideration.notSimple',
          '只有适用简易程序的案件才能转为普通程序(第五十五条)',
          { field: 'action' },
        );
      break;
    case 'extend': {
      if (procedure !== 'ordinary')
        throw conflict('disputes.reconsideration.extendSimple', '简易程序案件不能延长审理期限(第六十二条)', {
          field: 'action',
        });
      const days = next.data.days ?? 0;
      if (days < 1 || days > 30)
        throw invalid(
          'disputes.reconsideration.extendDays',
          '延长期限最多不超过 30 日(第六十二条)',
          'data.days',
        );
      const decision = dues.find((d) => d.kind === 'decision');
      if (decision?.dueOn && compareDates(next.date, decision.dueOn) > 0)
        throw invalid(
          'disputes.reconsideration.extendLate',
          `审理期限已于 ${decision.dueOn} 届满,延长应在期限内批准`,
          'date',
        );
      break;
    }
    case 'receiveAnswer':
      if (!log.some((a) => a.action === 'sendCopy'))
        throw conflict('disputes.reconsideration.noCopy', '尚未向被申请人发送申请书副本', {
          field: 'action',
        });
      break;
    case 'noticeHearing': {
      const hearingOn = next.data.hearingOn ?? next.date;
      const earliest = earliestHearingDate(ctx.calendar, next.date);
      if (compareDates(hearingOn, earliest) < 0)
        throw invalid(
          'disputes.reconsideration.hearingNotice',
          `听证通知应当在听证的 5 个工作日前送达(第五十一条、第八十八条),听证日期最早为 ${earliest}`,
          'data.hearingOn',
        );
      break;
    }
    case 'holdHearing': {
      const notice = [...log].reverse().find((a) => a.action === 'noticeHearing');
      if (!notice)
        throw conflict('disputes.reconsideration.noHearingNotice', '尚未发出听证通知', { field: 'action' });
      break;
    }
    case 'decide': {
      const outcome = next.data.outcome;
      const p = procedure ?? 'ordinary';
      if (outcome && !(outcomesByProcedure[p] as readonly Outcome[]).includes(outcome))
        throw invalid(
          'disputes.reconsideration.outcomeNotAllowed',
          `${procedureLabels[p]}案件不能作出“${outcomeLabels[outcome]}”决定${p === 'simple' ? ',请先转为普通程序(第五十五条)' : ''}`,
          'data.outcome',
        );
      if (
        outcome === 'mediation' &&
        !log.some((a) => a.action === 'recordMediation' && a.data.mediationResult === 'agreed')
      )
        throw invalid(
          'disputes.reconsideration.noMediation',
          '制作行政复议调解书前应当记录当事人达成的调解协议(第七十三条)',
          'data.outcome',
        );
      break;
    }
    case 'resume':
      break;
    case 'receiveCorrectionReport':
      if (!log.some((a) => a.action === 'issueOpinion'))
        throw conflict('disputes.reconsideration.noOpinion', '尚未制发行政复议意见书', { field: 'action' });
      break;
    case 'publish':
      if (!log.some((a) => a.action === 'serve'))
        throw conflict('disputes.reconsideration.notServed', '复议决定书送达后才能公开', { field: 'action' });
      break;
    default:
      break;
  }
}

/** 第五十一条 with 第八十八条: the 听证 notice reaches the parties 5 working days before the hearing. */
export function earliestHearingDate(calendar: WorkCalendar, noticeOn: LocalDate): LocalDate {
  // the notice day is not counted; the hearing may be on the 5th working day after it
  return period(calendar, noticeOn, WORKDAY(5)).due ?? noticeOn;
}

/** Refuses 简易程序 for a case outside 第五十三条. */
export function checkSimple(act: ActFacts): void {
  if (simpleGround(act) === null)
    throw invalid(
      'disputes.reconsideration.simpleIneligible',
      '本案不符合适用简易程序的条件:非当场作出、非警告或通报批评、款额超过三千元、非政府信息公开案件,且当事人未同意适用简易程序(第五十三条)',
      'data.procedure',
    );
}
