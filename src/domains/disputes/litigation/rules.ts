import {
  compareDates,
  daysBetween,
  type LocalDate,
  type WorkCalendar,
} from '../../../platform/calendar/index.js';
import { invalid } from '../../../platform/errors.js';
import { period } from '../clock.js';
import type { AppearerRole, Instance, LawsuitOutcome } from './schema.js';

/**
 * 最高人民法院关于行政机关负责人出庭应诉若干问题的规定 (2020) 第二条: 负责人 are the 正职、副职负责人、
 * 参与分管被诉行政行为实施工作的副职级别的负责人以及其他参与分管的负责人; the heads of an entrusted
 * organisation or of a subordinate agency are not.
 */
export const COUNTS_AS_HEAD = {
  principal: true,
  deputy: true,
  deputyInCharge: true,
  otherInCharge: true,
  staff: false,
  entrustedHead: false,
  subordinateHead: false,
} as const satisfies Record<AppearerRole, boolean>;

/**
 * 行政诉讼法 第三条第三款 and 规定 第八条、第九条: when no 负责人 appears, the agency sends a staff
 * member and explains why in writing with proof, sealed. An appearance by someone else without that
 * explanation is refused here.
 */
export function checkAppearance(role: AppearerRole, excuse: { proofSha256: string } | undefined): void {
  if (COUNTS_AS_HEAD[role]) return;
  if (!excuse)
    throw invalid(
      'disputes.litigation.excuseRequired',
      '出庭人员不是行政机关负责人(《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第二条),应当记录负责人不能出庭的正当理由并附加盖公章的证明材料(第八条、第九条)',
      'excuse',
    );
}

/** 规定 第四条: the court serves the 出庭通知书 at least 3 days before the hearing (calendar days). */
export function summonsLate(servedOn: LocalDate, hearingOn: LocalDate): boolean {
  return daysBetween(servedOn, hearingOn) < 3;
}

/** 败诉: a judgment against the agency (行政诉讼法 第七十条、第七十二条、第七十三条、第七十四条、第七十五条、第七十七条、第七十六条). */
export const LOST_OUTCOMES: readonly LawsuitOutcome[] = [
  'revoke',
  'confirmUnlawful',
  'confirmInvalid',
  'performance',
  'change',
  'compensation',
];

/** 裁定 end an instance without a judgment on the merits; their appeal period is 10 days. */
const RULINGS: readonly LawsuitOutcome[] = ['dismissSuit'];

/**
 * 行政诉讼法 第八十五条: an appeal within 15 days of the judgment's service, 10 days of a ruling's
 * (calendar days, the end moved off a rest day, 第一百零一条 → 民事诉讼法 第八十五条). 撤诉 and 调解 end
 * the case without an appeal.
 */
export function appealDue(
  calendar: WorkCalendar,
  outcome: LawsuitOutcome,
  servedOn: LocalDate,
): LocalDate | null {
  if (outcome === 'withdrawn' || outcome === 'mediation') return null;
  return period(calendar, servedOn, { unit: 'calendarDay', amount: RULINGS.includes(outcome) ? 10 : 15 }).due;
}

/** 行政诉讼法 第四十五条: suit within 15 days of receiving the 复议决定. */
export function suitAfterReconsiderationDue(
  calendar: WorkCalendar,
  decisionServedOn: LocalDate,
): LocalDate | null {
  return period(calendar, decisionServedOn, { unit: 'calendarDay', amount: 15 }).due;
}

/** 行政诉讼法 第四十六条: a direct suit within 6 months of knowing the act. */
export function directSuitDue(calendar: WorkCalendar, knownOn: LocalDate): LocalDate | null {
  return period(calendar, knownOn, { unit: 'month', amount: 6 }).due;
}

/** The instance an appeal opens (第八十五条: 一审 → 二审). */
export function nextInstance(instance: Instance): Instance | null {
  return instance === 'first' ? 'second' : null;
}

/**
 * 行政诉讼法 第二十六条第二款: when the 复议机关 upheld the act (维持, and 驳回复议请求 which
 * leaves it standing), the agency and the 复议机关 are co-defendants.
 */
export function coDefendantRequired(reconOutcome: string | null): boolean {
  return reconOutcome === 'uphold' || reconOutcome === 'dismissRequest';
}

export function checkAppealWindow(
  calendar: WorkCalendar,
  outcome: LawsuitOutcome,
  servedOn: LocalDate | null,
  filedOn: LocalDate,
): void {
  if (!servedOn) throw invalid('disputes.litigation.notServed', '请先登记裁判文书送达日期', 'filedOn');
  const due = appealDue(calendar, outcome, servedOn);
  if (due === null)
    throw invalid('disputes.litigation.noAppeal', '以撤诉或调解结案的案件不能上诉', 'appellant');
  if (compareDates(filedOn, due) > 0)
    throw invalid(
      'disputes.litigation.appealLate',
      `上诉期限至 ${due}(判决书送达之日起 15 日、裁定书送达之日起 10 日内,《行政诉讼法》第八十五条)`,
      'filedOn',
    );
}
