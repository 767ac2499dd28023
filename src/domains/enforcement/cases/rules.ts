import { compareDates, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { DUE_SOON_DAYS, type DueState, dueState } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { checkNoGaps } from './records.js';
import { actionLabel, checkCaseAct, deriveStatus, flowOf, isDeciding } from './procedures.js';
import {
  type CategoryDueKind,
  categoryDueDates,
  categoryDueKindLabels,
  calendarDaysAfter,
  checkCategoryAct,
  type Due as ClockDue,
  workdaysAfter,
} from './clocks.js';
import type { ActionRecord, CaseAction, MajorThresholds, PartyKind, Procedure, Sanction } from './schema.js';

export { calendarDaysAfter, workdaysAfter } from './clocks.js';

export {
  allowedActions,
  deriveStatus,
  isAllowed,
  statusAfter,
} from './procedures.js';

/** Acts that only open a penalty case. */
export const OPENING_ACTIONS = ['open', 'onTheSpot'] as const satisfies readonly CaseAction[];

/** 处罚法 art. 51: 当场处罚 only for 警告 or a fine up to 200 元 (person) / 3,000 元 (organisation). */
export const SUMMARY_LIMITS = { person: 200, organisation: 3000 } as const satisfies Record<
  PartyKind,
  number
>;

export function checkSummaryEligible(partyKind: PartyKind, sanction: Sanction): void {
  const other = sanction.penalties.filter((p) => p !== 'warning' && p !== 'fine');
  if (other.length > 0) {
    throw invalid(
      'enforcement.summaryKind',
      '当场处罚只能给予警告或者罚款(《中华人民共和国行政处罚法》第五十一条)',
      'sanction.penalties',
    );
  }
  const limit = SUMMARY_LIMITS[partyKind];
  if (sanction.penalties.includes('fine') && sanction.amount > limit) {
    throw invalid(
      'enforcement.summaryAmount',
      `当场处罚的罚款不得超过 ${limit} 元(${partyKind === 'person' ? '公民' : '法人或者其他组织'},《中华人民共和国行政处罚法》第五十一条)`,
      'sanction.amount',
    );
  }
  if (sanction.penalties.includes('fine') !== sanction.amount > 0) {
    throw invalid(
      'enforcement.fineAmount',
      '选择罚款时须填写罚款金额,未选择罚款时金额应为 0',
      'sanction.amount',
    );
  }
}

export const DEFAULT_MAJOR_THRESHOLDS: MajorThresholds = {
  personAmount: 10_000,
  organisationAmount: 100_000,
  revokeLicense: true,
  suspendBusiness: true,
  hearingHeld: true,
};

export interface CaseFacts {
  procedure: Procedure;
  partyKind: PartyKind;
  openedOn: LocalDate;
  majorReason: string | null;
}

/**
 * 处罚法 art. 58: why a decision needs 法制审核 first — the handler's flag (重大公共利益, 疑难复杂,
 * 多个法律关系), a hearing held (58(2)), and the region's thresholds (58(4)). Empty = not major.
 */
export function majorReasons(
  facts: CaseFacts,
  actions: readonly ActionRecord[],
  sanction: Sanction | undefined,
  t: MajorThresholds,
): string[] {
  const reasons: string[] = [];
  if (facts.majorReason) reasons.push(facts.majorReason);
  if (t.hearingHeld && actions.some((a) => a.action === 'holdHearing'))
    reasons.push('经过听证程序(第五十八条第一款第二项)');
  if (sanction) {
    const limit = facts.partyKind === 'person' ? t.personAmount : t.organisationAmount;
    if (sanction.penalties.includes('fine') && sanction.amount >= limit)
      reasons.push(`罚款数额达到 ${limit} 元的重大案件标准`);
    if (t.revokeLicense && sanction.penalties.includes('revokeLicense')) reasons.push('吊销许可证件');
    if (t.suspendBusiness && sanction.penalties.some((p) => p === 'suspendBusiness' || p === 'closeDown'))
      reasons.push('责令停产停业、责令关闭');
  }
  return reasons;
}

export interface ReviewerFacts {
  reviewerUserId: string | null;
  /** users holding the reviewer permission */
  isReviewer: boolean;
  handlerUserIds: readonly string[];
}

/** 处罚法 art. 58: the review is made by 法制审核人员, who cannot be the case's own handlers. */
export function checkReviewer(f: ReviewerFacts): void {
  if (!f.reviewerUserId || !f.isReviewer) {
    throw invalid('enforcement.reviewerRequired', '法制审核须由具有法制审核职责的人员作出', 'reviewerUserId');
  }
  if (f.handlerUserIds.includes(f.reviewerUserId)) {
    throw invalid(
      'enforcement.reviewerIsHandler',
      '案件承办人员不能对本案进行法制审核(《中华人民共和国行政处罚法》第五十八条)',
      'reviewerUserId',
    );
  }
}

/**
 * Checks one new act against the log so far: allowed in the status, not dated before 立案 or the
 * previous act, nor after today; the major-case gate on 决定; the summary limits; the hearing notice.
 */
export function checkAction(
  facts: CaseFacts,
  log: readonly ActionRecord[],
  next: ActionRecord,
  ctx: { today: LocalDate; thresholds: MajorThresholds; calendar: WorkCalendar; archive?: boolean },
): void {
  const status = deriveStatus(log, facts.procedure);
  checkCaseAct(status, next.action, facts.procedure);
  const penalty = flowOf(facts.procedure) === 'penalty';
  if (compareDates(next.date, facts.openedOn) < 0) {
    throw invalid('enforcement.beforeOpened', `日期 ${next.date} 早于立案日期 ${facts.openedOn}`, 'date');
  }
  const last = log[log.length - 1];
  if (last && compareDates(next.date, last.date) < 0) {
    throw invalid(
      'enforcement.beforePrevious',
      `日期 ${next.date} 早于上一环节“${actionLabel(facts.procedure, last.action)}”的日期 ${last.date}`,
      'date',
    );
  }
  if (compareDates(next.date, ctx.today) > 0)
    throw invalid('enforcement.futureDate', `日期 ${next.date} 晚于今天`, 'date');
  if (penalty && (next.action === 'decide' || next.action === 'notify') && !next.data.sanction) {
    throw invalid('enforcement.sanctionRequired', '请填写处罚种类和罚款金额', 'data.sanction');
  }
  if (next.data.sanction && next.data.sanction.penalties.includes('fine') !== next.data.sanction.amount > 0) {
    throw invalid(
      'enforcement.fineAmount',
      '选择罚款时须填写罚款金额,未选择罚款时金额应为 0',
      'data.sanction.amount',
    );
  }
  if (next.action === 'holdHearing') {
    // 处罚法 art. 64(2) + art. 85: 举行听证的七日(工作日)前通知当事人
    const noticed = next.data.noticedOn;
    if (!noticed) throw invalid('enforcement.hearingNotice', '请填写听证通知日期', 'data.noticedOn');
    if (compareDates(workdaysAfter(ctx.calendar, noticed, 7).due, next.date) > 0) {
      throw invalid(
        'enforcement.hearingNoticeLate',
        '应当在举行听证的七个工作日前通知当事人(《中华人民共和国行政处罚法》第六十四条)',
        'data.noticedOn',
      );
    }
  }
  checkCategoryAct(facts.procedure, log, next);
  // 处罚法 art. 47: 全过程记录 — no 结案 while a required record is missing
  if (next.action === 'close' && !ctx.archive) checkNoGaps(facts.procedure, log);
  if (isDeciding(next.action)) {
    const reasons = majorReasons(facts, log, next.data.sanction, ctx.thresholds);
    if (reasons.length > 0 && status !== 'reviewPassed') {
      throw conflict(
        'enforcement.reviewRequired',
        `本案属于重大执法决定(${reasons.join(';')}),未经法制审核或审核未通过的,不得作出决定(${penalty ? '《中华人民共和国行政处罚法》第五十八条' : '国办发〔2018〕118号'})`,
        {
          field: 'action',
          reasons,
        },
      );
    }
  }
}

export type DueKind = 'decision' | 'service' | 'hearingRequest' | CategoryDueKind;
export const dueKindLabels = {
  decision: '作出处罚决定(立案之日起九十日,第六十条)',
  service: '送达决定书(决定后七个工作日内,第六十一条)',
  hearingRequest: '当事人申请听证(告知后五个工作日内,第六十四条)',
  ...categoryDueKindLabels,
} as const satisfies Record<DueKind, string>;

export type Due = ClockDue<DueKind>;

/** Days ahead in which an open due date shows as 临期: the platform's one window. */
export { DUE_SOON_DAYS };

/**
 * The statutory clocks of a penalty case, from its log:
 * decision 90 calendar days from 立案 plus approved extensions (art. 60); service within 7
 * working days of the decision (art. 61, art. 85); hearing request within 5 working days of the
 * notice (art. 64). A summary case is decided and served on the spot (art. 52): no clocks.
 */
export function dueDates(
  procedure: Procedure,
  actions: readonly ActionRecord[],
  calendar: WorkCalendar,
  /** the day the clocks are looked at (行政许可法 第三十二条 deemed acceptance); not for stored dates */
  today?: LocalDate,
): Due[] {
  if (procedure === 'summary' || procedure === 'generic') return [];
  if (procedure === 'license' || procedure === 'coercion')
    return categoryDueDates(procedure, actions, calendar, today);
  const find = (a: CaseAction) => actions.find((x) => x.action === a);
  const out: Due[] = [];
  const opened = find('open');
  if (!opened) return out;
  const terminated = find('terminate');
  const decided = find('decide');
  const extensions = actions.filter((a) => a.action === 'extend').map((a) => ({ amount: a.data.days ?? 0 }));
  // 第六十条: 九十日 (calendar days), moved off a rest day like every calendar-day period (民法典 第二百零三条)
  const decision = calendarDaysAfter(
    calendar,
    opened.date,
    90 + extensions.reduce((sum, e) => sum + e.amount, 0),
  );
  out.push({ kind: 'decision', ...decision, metOn: decided?.date ?? terminated?.date ?? null, party: false });
  const notified = [...actions].reverse().find((a) => a.action === 'notify');
  if (notified) {
    const hearingAsked = actions.find(
      (a) => a.action === 'requestHearing' && compareDates(a.date, notified.date) >= 0,
    );
    const moved = actions.find(
      (a) =>
        compareDates(a.date, notified.date) >= 0 &&
        a !== notified &&
        a.action !== 'requestHearing' &&
        a.action !== 'extend',
    );
    out.push({
      kind: 'hearingRequest',
      ...workdaysAfter(calendar, notified.date, 5),
      metOn: hearingAsked?.date ?? moved?.date ?? null,
      party: true,
    });
  }
  if (decided) {
    out.push({
      kind: 'service',
      ...workdaysAfter(calendar, decided.date, 7),
      metOn: find('serve')?.date ?? null,
      party: false,
    });
  }
  return out;
}

/** The earliest open agency due date and its state on `today` (what the ledger shows as 临期 / 逾期). */
export function nextDue(dues: readonly Due[], today: LocalDate): (Due & { state: DueState }) | null {
  const open = dues.filter((d) => d.metOn === null && !d.party).sort((a, b) => compareDates(a.due, b.due));
  const first = open[0];
  return first ? { ...first, state: dueState(first.due, today, DUE_SOON_DAYS) } : null;
}
