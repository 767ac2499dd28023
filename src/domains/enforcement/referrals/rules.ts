import {
  addDays,
  compareDates,
  type LocalDate,
  type WorkCalendar,
} from '../../../platform/calendar/index.js';
import { chinaDate } from '../../../platform/context.js';
import { computeDeadline, provisionalReason } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct, foldActs, isActAllowed } from '../../../platform/service/act-table.js';
import { certificateValidOn, type HandlerFacts, twoOrMoreOfficers } from '../officers/rules.js';
import {
  type ReferralAction,
  type ReferralActionRecord,
  type ReferralStatus,
  referralActionLabels,
  referralStatusLabels,
} from './schema.js';

const HOUR = 3_600_000;

/** The acts allowed in each status: the one table a referral follows. */
export const allowedReferralActions = {
  reported: ['approve', 'refuse'],
  refused: [],
  approved: ['handOver'],
  handedOver: ['accept'],
  accepted: ['file', 'decline'],
  filed: ['transferExhibits'],
  declined: ['requestReconsideration', 'requestSupervision', 'close'],
  reconsidering: ['reconsiderFiled', 'reconsiderUpheld'],
  upheld: ['requestSupervision', 'close'],
  supervising: ['file', 'close'],
  exhibitsTransferred: ['close'],
  closed: [],
} as const satisfies Record<ReferralStatus, readonly ReferralAction[]>;

/** The status each act leads to. */
export const referralStatusAfter = {
  report: 'reported',
  approve: 'approved',
  refuse: 'refused',
  handOver: 'handedOver',
  accept: 'accepted',
  file: 'filed',
  decline: 'declined',
  requestReconsideration: 'reconsidering',
  reconsiderFiled: 'filed',
  reconsiderUpheld: 'upheld',
  requestSupervision: 'supervising',
  transferExhibits: 'exhibitsTransferred',
  close: 'closed',
} as const satisfies Record<ReferralAction, ReferralStatus>;

/** Acts timed to the instant: art. 5's 24 hours run from the approval to the handover. */
export const INSTANT_ACTIONS: ReadonlySet<ReferralAction> = new Set(['approve', 'handOver']);

const referralActs: ActTable<ReferralStatus, ReferralAction> = {
  code: 'enforcement.referral.actionNotAllowed',
  noun: '移送案件',
  allowed: allowedReferralActions,
  statusLabels: referralStatusLabels,
  actionLabels: referralActionLabels,
};

export function isReferralActionAllowed(status: ReferralStatus, action: ReferralAction): boolean {
  return isActAllowed(referralActs, status, action);
}

/** A referral's status is its log folded through the table; an illegal log throws. */
export function deriveReferralStatus(log: readonly Pick<ReferralActionRecord, 'action'>[]): ReferralStatus {
  const [first, ...rest] = log;
  if (first?.action !== 'report')
    throw invalid('enforcement.referral.notReported', '移送须以专案组提出书面报告开始', 'action');
  return foldActs<ReferralStatus, ReferralAction>(
    referralActs,
    'reported',
    rest,
    (_, action) => referralStatusAfter[action],
  );
}

/**
 * 移送规定 art. 5: the report is made by a 专案组 of 2名或者2名以上行政执法人员, here taken from the
 * case's own handlers, each holding a valid 执法证 on the day of the report.
 */
export function checkTeam(
  team: readonly HandlerFacts[],
  caseHandlerIds: readonly string[],
  date: LocalDate,
): void {
  const distinct = twoOrMoreOfficers(team, () =>
    invalid(
      'enforcement.referral.teamTooSmall',
      '专案组应由 2 名或者 2 名以上行政执法人员组成(《行政执法机关移送涉嫌犯罪案件的规定》第五条)',
      'teamIds',
    ),
  );
  for (const h of distinct) {
    if (!caseHandlerIds.includes(h.id))
      throw invalid('enforcement.referral.teamNotHandler', `${h.name}不是本案的承办执法人员`, 'teamIds');
    if (!h.active || !certificateValidOn(h.certificate, date)) {
      throw invalid(
        'enforcement.referral.teamUncertified',
        `专案组成员${h.name}在 ${date} 没有有效的行政执法证`,
        'teamIds',
      );
    }
  }
}

/** What a referral's case allows. */
export interface ReferralCaseFacts {
  category: string;
  openedOn: LocalDate;
  /** the case ended by 不予处罚 / 撤销立案 */
  terminated: boolean;
  /** a referral of this case that is still live (not 不批准) */
  liveReferral: boolean;
}

/**
 * 移送规定 第十一条: 不得以行政处罚代替移送 — while a referral is pending with the head or the
 * police, or the police have filed the case, no penalty decision is made on it. Once the head
 * refused, or the police declined (and any 复议 upheld that), the agency decides as usual.
 */
export const REFERRAL_BLOCKS_PENALTY = {
  reported: true,
  refused: false,
  approved: true,
  handedOver: true,
  accepted: true,
  filed: true,
  declined: false,
  reconsidering: true,
  upheld: false,
  supervising: true,
  exhibitsTransferred: true,
  closed: false,
} as const satisfies Record<ReferralStatus, boolean>;

export function checkNoPendingReferral(status: ReferralStatus | null): void {
  if (status && REFERRAL_BLOCKS_PENALTY[status]) {
    throw conflict(
      'enforcement.referralPending',
      `本案已移送涉嫌犯罪(${referralStatusLabels[status]}),不得以行政处罚代替移送(《行政执法机关移送涉嫌犯罪案件的规定》第十一条)`,
      { field: 'action' },
    );
  }
}

/**
 * Which cases may be referred: one met while 查处违法行为 (art. 3), so not a licensing matter, not a
 * case already ended as 不予处罚 / 撤销立案, and one live referral at a time. A case whose penalty is
 * already decided may be referred (art. 11: the decision stands, a fine offsets the criminal fine).
 */
export function checkCaseReferable(c: ReferralCaseFacts, reportedOn: LocalDate, today: LocalDate): void {
  if (c.category === 'license')
    throw invalid('enforcement.referral.notEnforcement', '行政许可案件不适用涉嫌犯罪案件移送', 'caseId');
  if (c.terminated) {
    throw invalid(
      'enforcement.referral.caseTerminated',
      '该案件已作出不予处罚或撤销立案决定,不能移送;如发现新的犯罪线索请重新立案',
      'caseId',
    );
  }
  if (c.liveReferral) {
    throw conflict('enforcement.referral.duplicate', '该案件已有移送记录,不能重复移送', {
      field: 'caseId',
    });
  }
  if (compareDates(reportedOn, c.openedOn) < 0)
    throw invalid(
      'enforcement.referral.beforeOpened',
      `报告日期 ${reportedOn} 早于立案日期 ${c.openedOn}`,
      'reportedOn',
    );
  if (compareDates(reportedOn, today) > 0)
    throw invalid('enforcement.referral.futureDate', `报告日期 ${reportedOn} 晚于今天`, 'reportedOn');
}

const REQUIRED: Partial<Record<ReferralAction, readonly (keyof ReferralActionRecord['data'])[]>> = {
  approve: ['approverName'],
  // art. 5: 决定不批准的,应当将不予批准的理由记录在案
  refuse: ['approverName', 'reason'],
  handOver: ['policeOrg', 'documentNo'],
  file: ['documentNo'],
  // art. 8: 不予立案的,应当说明理由,并书面通知
  decline: ['reason', 'documentNo'],
  reconsiderFiled: ['documentNo'],
  reconsiderUpheld: ['reason', 'documentNo'],
  transferExhibits: ['items'],
};
const FIELD_NAMES: Record<keyof ReferralActionRecord['data'], string> = {
  approverName: '审批负责人',
  policeOrg: '接受移送的公安机关',
  documentNo: '文书编号',
  procuratorate: '抄送的人民检察院',
  reason: '理由',
  items: '移交的涉案物品和材料',
  opinion: '意见',
  note: '备注',
};

/**
 * Checks one new act against the log so far: allowed in the status; dated on or after the report
 * and the previous act (instants on the 24-hour clock compared as instants) and not in the future;
 * the facts the 规定 asks for; 提请复议 within its 3-day window (art. 9).
 */
export function checkReferralAction(
  log: readonly ReferralActionRecord[],
  next: ReferralActionRecord,
  ctx: { now: Date; calendar: WorkCalendar },
): void {
  const status = deriveReferralStatus(log);
  checkAct(referralActs, status, next.action);
  const field = INSTANT_ACTIONS.has(next.action) ? 'at' : 'date';
  if (INSTANT_ACTIONS.has(next.action) && !next.at)
    throw invalid(
      'enforcement.referral.timeRequired',
      `请填写“${referralActionLabels[next.action]}”的具体时间`,
      'at',
    );
  const report = log[0];
  if (report && compareDates(next.date, report.date) < 0)
    throw invalid(
      'enforcement.referral.beforeReport',
      `日期 ${next.date} 早于提出移送报告的日期 ${report.date}`,
      field,
    );
  const last = log[log.length - 1];
  if (last) {
    const earlier =
      compareDates(next.date, last.date) < 0 ||
      (next.at !== null && last.at !== null && Date.parse(next.at) < Date.parse(last.at));
    if (earlier)
      throw invalid(
        'enforcement.referral.beforePrevious',
        `时间早于上一环节“${referralActionLabels[last.action]}”(${last.at ?? last.date})`,
        field,
      );
  }
  if (compareDates(next.date, chinaDate(ctx.now)) > 0 || (next.at && Date.parse(next.at) > ctx.now.getTime()))
    throw invalid('enforcement.referral.futureDate', `时间 ${next.at ?? next.date} 晚于现在`, field);
  for (const key of REQUIRED[next.action] ?? []) {
    if (next.data[key] === undefined)
      throw invalid('enforcement.referral.dataRequired', `请填写${FIELD_NAMES[key]}`, `data.${key}`);
  }
  if (
    next.action === 'requestReconsideration' ||
    (next.action === 'requestSupervision' && status === 'upheld')
  ) {
    const window = referralDues(log, ctx.calendar).find(
      (d) => d.kind === (status === 'upheld' ? 'supervisionRequest' : 'reconsiderationRequest'),
    );
    if (window && compareDates(next.date, window.dueOn) > 0) {
      throw invalid(
        'enforcement.referral.windowPassed',
        `${status === 'upheld' ? '对复议决定仍有异议的,应当自收到复议决定通知书之日起 3 日内建议检察院立案监督' : '提请复议应当自接到不予立案通知书之日起 3 日内提出'}(期限至 ${window.dueOn},《行政执法机关移送涉嫌犯罪案件的规定》第九条)`,
        'date',
      );
    }
  }
}

export type ReferralDueKind =
  | 'approval'
  | 'handover'
  | 'policeReview'
  | 'reconsiderationRequest'
  | 'reconsiderationDecision'
  | 'supervisionRequest'
  | 'exhibits';

export const referralDueLabels = {
  approval: '负责人审批(接到报告之日起 3 日内,第五条)',
  handover: '移送公安机关(批准后 24 小时内,第五条)',
  policeReview: '公安机关审查决定是否立案(受理之日起 3 日内,第八条)',
  reconsiderationRequest: '提请复议(接到不予立案通知书之日起 3 日内,第九条)',
  reconsiderationDecision: '公安机关复议决定(收到复议文件之日起 3 日内,第九条)',
  supervisionRequest: '建议检察院立案监督(收到复议决定之日起 3 日内,第九条)',
  exhibits: '移交涉案物品和材料(接到立案通知书之日起 3 日内,第十二条)',
} as const satisfies Record<ReferralDueKind, string>;

/** Whose duty a clock is: the agency's, the police's, or an option of the agency (a window, never 逾期). */
export type DueOwner = 'agency' | 'police' | 'option';

export interface ReferralDue {
  kind: ReferralDueKind;
  owner: DueOwner;
  /** the last day (3-day limits) or the day of the deadline instant (24 hours) */
  dueOn: LocalDate;
  /** the instant the period ends: 24:00 of the last day in China, or approval + 24 h */
  dueAt: string;
  /** the instant from which it is 临期 */
  soonAt: string;
  metAt: string | null;
  /** met after the deadline */
  late: boolean;
  /** counted across a year whose holiday arrangement is not published (statutory days off only) */
  provisional: boolean;
  /** why it is provisional, shown with the date; null when final */
  provisionalReason: string | null;
}

/** 临期 windows: the last two days of a 3-day limit; the last 6 hours of the 24-hour limit. */
export const SOON_BEFORE_DAY_END_MS = 48 * HOUR;
export const SOON_BEFORE_HANDOVER_MS = 6 * HOUR;

/** The end of a legal date in China (民法典 art. 203(2): 截止时间为二十四时). */
export function endOfChinaDay(date: LocalDate): Date {
  return new Date(`${addDays(date, 1)}T00:00:00+08:00`);
}

/**
 * 3 calendar days from `start` (民法典 art. 201: the start day is not counted; art. 203: a last day
 * that is a rest day moves to the next workday), by the one calendar rule: across a year whose
 * arrangement is not published the statutory days off are skipped and the date is flagged.
 */
export function threeDaysFrom(
  calendar: WorkCalendar,
  start: LocalDate,
): { due: LocalDate; provisional: boolean; provisionalReason: string | null } {
  const d = computeDeadline(calendar, { start, rule: { unit: 'calendarDay', amount: 3 } });
  const due = d.due ?? addDays(start, 3);
  const reason = provisionalReason(calendar, due, start);
  return { due, provisional: reason !== null, provisionalReason: reason };
}

/** Approval + 24 hours (移送规定 art. 5), and the hours the handover took. */
export function handoverDeadline(approvedAt: string): Date {
  return new Date(Date.parse(approvedAt) + 24 * HOUR);
}
export function handoverHours(approvedAt: string, handedOverAt: string): number {
  return Math.round(((Date.parse(handedOverAt) - Date.parse(approvedAt)) / HOUR) * 10) / 10;
}

const metInstant = (a: ReferralActionRecord | undefined) =>
  a ? (a.at ?? endOfChinaDay(a.date).toISOString()) : null;

/** The clocks of a referral, from its log (移送规定 arts. 5, 8, 9, 12). */
export function referralDues(log: readonly ReferralActionRecord[], calendar: WorkCalendar): ReferralDue[] {
  const out: ReferralDue[] = [];
  const after = (i: number, kinds: readonly ReferralAction[]) =>
    log.slice(i + 1).find((a) => kinds.includes(a.action));
  const dated = (
    kind: ReferralDueKind,
    owner: DueOwner,
    start: LocalDate,
    met: ReferralActionRecord | undefined,
  ) => {
    const { due, provisional, provisionalReason: reason } = threeDaysFrom(calendar, start);
    const end = endOfChinaDay(due);
    out.push({
      kind,
      owner,
      dueOn: due,
      dueAt: end.toISOString(),
      soonAt: new Date(end.getTime() - SOON_BEFORE_DAY_END_MS).toISOString(),
      metAt: metInstant(met),
      late: met !== undefined && compareDates(met.date, due) > 0,
      provisional,
      provisionalReason: reason,
    });
  };
  log.forEach((a, i) => {
    if (a.action === 'report') dated('approval', 'agency', a.date, after(i, ['approve', 'refuse']));
    if (a.action === 'approve' && a.at) {
      const end = handoverDeadline(a.at);
      const met = after(i, ['handOver']);
      out.push({
        kind: 'handover',
        owner: 'agency',
        dueOn: chinaDate(end),
        dueAt: end.toISOString(),
        soonAt: new Date(end.getTime() - SOON_BEFORE_HANDOVER_MS).toISOString(),
        metAt: met?.at ?? null,
        late: met?.at ? Date.parse(met.at) > end.getTime() : false,
        provisional: false,
        provisionalReason: null,
      });
    }
    if (a.action === 'accept') dated('policeReview', 'police', a.date, after(i, ['file', 'decline']));
    if (a.action === 'decline')
      dated('reconsiderationRequest', 'option', a.date, after(i, ['requestReconsideration']));
    if (a.action === 'requestReconsideration')
      dated('reconsiderationDecision', 'police', a.date, after(i, ['reconsiderFiled', 'reconsiderUpheld']));
    if (a.action === 'reconsiderUpheld')
      dated('supervisionRequest', 'option', a.date, after(i, ['requestSupervision']));
    if (a.action === 'file' || a.action === 'reconsiderFiled')
      dated('exhibits', 'agency', a.date, after(i, ['transferExhibits']));
  });
  return out;
}

export type ReferralDueState = 'normal' | 'dueSoon' | 'overdue' | 'met' | 'lapsed';

/** A clock's state at `now`: an option window that passed unused has lapsed, never 逾期. */
export function referralDueState(d: ReferralDue, now: Date): ReferralDueState {
  if (d.metAt) return 'met';
  const t = now.getTime();
  if (t >= Date.parse(d.dueAt)) return d.owner === 'option' ? 'lapsed' : 'overdue';
  return t >= Date.parse(d.soonAt) ? 'dueSoon' : 'normal';
}

/** The earliest open duty (the agency's or the police's) — what the ledger shows as 临期 / 逾期. */
export function nextReferralDue(dues: readonly ReferralDue[], status: ReferralStatus): ReferralDue | null {
  if (status === 'closed' || status === 'refused') return null;
  const open = dues
    .filter((d) => d.metAt === null && d.owner !== 'option')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return open[0] ?? null;
}
