import { addDays, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import {
  addWorkdays,
  computeDeadline,
  type Pause,
  provisionalReason,
} from '../../../platform/clock/index.js';
import { invalid } from '../../../platform/errors.js';
import { isDeciding } from './procedures.js';
import type { ActionRecord, CaseAction, Procedure } from './schema.js';

/** A due date and, when it reaches a year whose arrangement is not published, why it is provisional. */
export interface Counted {
  due: LocalDate;
  provisional: boolean;
  provisionalReason: string | null;
}

function counted(calendar: WorkCalendar, start: LocalDate, due: LocalDate): Counted {
  const reason = provisionalReason(calendar, due, start);
  return { due, provisional: reason !== null, provisionalReason: reason };
}

/** `n` working days after `date` (the start day not counted), by the one calendar rule. */
export function workdaysAfter(calendar: WorkCalendar, date: LocalDate, n: number): Counted {
  return counted(calendar, date, addWorkdays(calendar, date, n));
}

/**
 * `n` calendar days after `date`, time in `pauses` not counted, the last day moved off a rest day
 * (民法典 第二百零三条; 行政强制法 第六十九条 counts only periods of 十日以内 in working days, so
 * longer ones are calendar days and follow the general rule) — the same rule for every
 * calendar-day period of a case.
 */
export function calendarDaysAfter(
  calendar: WorkCalendar,
  date: LocalDate,
  n: number,
  pauses: readonly Pause[] = [],
): Counted {
  const d = computeDeadline(calendar, { start: date, rule: { unit: 'calendarDay', amount: n }, pauses });
  return counted(calendar, date, d.due ?? addDays(date, n));
}

export interface Due<K extends string = string> {
  kind: K;
  due: LocalDate;
  /** the date the duty was met, or null while it is open */
  metOn: LocalDate | null;
  /** a window of the party's (not an agency duty: never 逾期 for the agency) */
  party: boolean;
  /** counted across a year whose holiday arrangement is not published (statutory days off only) */
  provisional: boolean;
  /** why it is provisional, shown with the date; null when final */
  provisionalReason: string | null;
  /** where the law deems something to have happened (e.g. 行政许可法 第三十二条 deemed acceptance) */
  note?: string;
}

export type CategoryDueKind = 'acceptance' | 'licenseDecision' | 'licenseIssue' | 'seizure';
export const categoryDueKindLabels = {
  acceptance: '受理或一次告知补正(收到申请材料后五个工作日内,行政许可法第三十二条)',
  licenseDecision: '作出许可决定(受理之日起二十个工作日,经批准可延长十个工作日,第四十二条)',
  licenseIssue: '送达决定、颁发证件(决定之日起十个工作日内,第四十四条)',
  seizure:
    '查封、扣押期限(三十日,经批准可延长三十日;检测、检验、检疫或者技术鉴定的期间不计入,行政强制法第二十五条)',
} as const satisfies Record<CategoryDueKind, string>;

/** 行政许可法 art. 42: 二十日 (working days, art. 82), extendable once by 十日. */
export const LICENSE_DECISION_WORKDAYS = 20;
export const LICENSE_EXTENSION_WORKDAYS = 10;
/** art. 32: 五日内一次告知 (working days, art. 82). */
export const LICENSE_ACCEPTANCE_WORKDAYS = 5;
/** art. 44: 十日内颁发、送达. */
export const LICENSE_ISSUE_WORKDAYS = 10;
/** 行政强制法 art. 25: 不得超过三十日, 延长不得超过三十日 (calendar days: art. 69 counts only periods of 十日以内 in working days). */
export const SEIZURE_DAYS = 30;

/**
 * 行政许可法 第三十二条第一款第(四)项: 逾期不告知的,自收到申请材料之日起即为受理 — an application
 * neither accepted, refused nor sent back for correction within 5 working days is deemed accepted
 * on the day it was received, and the decision clock (第四十二条) runs from then.
 */
export const DEEMED_ACCEPTANCE_NOTE =
  '逾期未告知补正,依《中华人民共和国行政许可法》第三十二条第一款第(四)项,自收到申请材料之日起即为受理,许可决定期限自收到之日起计算';

/** The days a 检测、检验、检疫或者技术鉴定 act stops the seizure clock: from its date, `days` calendar days (行政强制法 第二十五条第三款). */
export function seizureTestPauses(actions: readonly ActionRecord[]): Pause[] {
  return actions
    .filter((a) => a.action === 'testSeized' && (a.data.days ?? 0) > 0)
    .map((a) => ({
      from: a.date,
      to: addDays(a.date, (a.data.days ?? 1) - 1),
      reason: '检测、检验、检疫或者技术鉴定',
    }));
}

const after = (actions: readonly ActionRecord[], from: ActionRecord, kinds: readonly CaseAction[]) =>
  actions.slice(actions.indexOf(from) + 1).find((a) => kinds.includes(a.action));

/**
 * The clocks of a license or coercion case, from its log. License: 受理 within 5 working days of
 * the (corrected) application; the decision within 20 working days of 受理, plus an approved
 * extension and the working days of 听证 and 专家评审 (art. 45: not counted); the license within
 * 10 working days of the decision. Coercion: the seizure ends (处理决定) within 30 days, plus one
 * approved extension.
 */
export function categoryDueDates(
  procedure: Procedure,
  actions: readonly ActionRecord[],
  calendar: WorkCalendar,
  /** the day the clocks are looked at: a silence past the acceptance limit is deemed acceptance */
  today?: LocalDate,
): Due<CategoryDueKind>[] {
  const out: Due<CategoryDueKind>[] = [];
  if (procedure === 'license') {
    const received = [...actions].reverse().find((a) => a.action === 'apply' || a.action === 'correct');
    let deemedFrom: LocalDate | null = null;
    if (received) {
      const answered = after(actions, received, ['accept', 'rejectApplication', 'requestCorrection']);
      const acceptance = workdaysAfter(calendar, received.date, LICENSE_ACCEPTANCE_WORKDAYS);
      // 第三十二条: silence past the 5 working days is acceptance from the day of receipt
      const deemed =
        answered?.action === 'accept'
          ? answered.date > acceptance.due
          : answered === undefined && today !== undefined && today > acceptance.due;
      if (deemed) deemedFrom = received.date;
      out.push({
        kind: 'acceptance',
        ...acceptance,
        metOn: answered?.date ?? null,
        party: false,
        ...(deemed ? { note: DEEMED_ACCEPTANCE_NOTE } : {}),
      });
    }
    const accepted = actions.find((a) => a.action === 'accept');
    const decisionFrom = deemedFrom ?? accepted?.date ?? null;
    if (decisionFrom) {
      const extra = actions
        .filter((a) => a.action === 'extend' || a.action === 'expertReview' || a.action === 'holdHearing')
        .reduce((s, a) => s + (a.data.workdays ?? 0), 0);
      const decided = actions.find((a) => a.action === 'grant' || a.action === 'refuse');
      out.push({
        kind: 'licenseDecision',
        ...workdaysAfter(calendar, decisionFrom, LICENSE_DECISION_WORKDAYS + extra),
        metOn: decided?.date ?? null,
        party: false,
        ...(deemedFrom ? { note: DEEMED_ACCEPTANCE_NOTE } : {}),
      });
      // 第四十四条: 作出准予行政许可的决定 … 十日内颁发、送达 — a refusal issues nothing
      if (decided?.action === 'grant')
        out.push({
          kind: 'licenseIssue',
          ...workdaysAfter(calendar, decided.date, LICENSE_ISSUE_WORKDAYS),
          metOn: actions.find((a) => a.action === 'issue')?.date ?? null,
          party: false,
        });
    }
  }
  if (procedure === 'coercion') {
    // 第二十五条第三款: 查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间
    const seized = actions.find((a) => a.action === 'seize');
    if (seized) {
      const extra = actions
        .filter((a) => a.action === 'extendSeizure')
        .reduce((s, a) => s + (a.data.days ?? 0), 0);
      out.push({
        kind: 'seizure',
        ...calendarDaysAfter(calendar, seized.date, SEIZURE_DAYS + extra, seizureTestPauses(actions)),
        metOn: actions.find((a) => a.action === 'dispose')?.date ?? null,
        party: false,
      });
    }
  }
  return out;
}

/** The checks of one act that depend on its category's law (the table has already allowed it). */
export function checkCategoryAct(
  procedure: Procedure,
  log: readonly ActionRecord[],
  next: ActionRecord,
): void {
  const d = next.data;
  /** an extension the law allows once, of at least one and at most `max` (days or working days) */
  const extendsOnce = (amount: number | undefined, max: number) =>
    !log.some((a) => a.action === next.action) && !!amount && amount <= max;
  // 许可法 art. 42: 经本行政机关负责人批准,可以延长十日 — once
  if (
    procedure === 'license' &&
    next.action === 'extend' &&
    !extendsOnce(d.workdays, LICENSE_EXTENSION_WORKDAYS)
  )
    throw invalid(
      'enforcement.licenseExtension',
      '许可决定期限经本行政机关负责人批准只能延长一次,且不超过十个工作日(《中华人民共和国行政许可法》第四十二条),请填写延长的工作日数',
      'data.workdays',
    );
  if (next.action === 'expertReview' && !d.workdays)
    throw invalid(
      'enforcement.expertReviewDays',
      '请填写专家评审、检验检测所需的工作日数(不计入许可期限,《中华人民共和国行政许可法》第四十五条)',
      'data.workdays',
    );
  // 强制法 art. 25: 情况复杂的,经负责人批准,可以延长,但是延长期限不得超过三十日
  if (next.action === 'extendSeizure' && !extendsOnce(d.days, SEIZURE_DAYS))
    throw invalid(
      'enforcement.seizureExtension',
      '查封、扣押期限只能延长一次,且延长期限不得超过三十日(《中华人民共和国行政强制法》第二十五条)',
      'data.days',
    );
  if (next.action === 'testSeized' && !d.days)
    throw invalid(
      'enforcement.seizureTestDays',
      '请填写检测、检验、检疫或者技术鉴定的天数(该期间不计入查封、扣押期限,《中华人民共和国行政强制法》第二十五条第三款)',
      'data.days',
    );
  if (next.action === 'dispose' && !d.disposal)
    throw invalid('enforcement.disposalRequired', '请选择处理决定:没收、销毁或解除查封扣押', 'data.disposal');
  if (next.action === 'amendDecision' || next.action === 'revokeDecision') {
    if (!log.some((a) => isDeciding(a.action)))
      throw invalid('enforcement.nothingToChange', '本案未作出决定,不能变更或撤销', 'action');
    if (!d.reason) throw invalid('enforcement.changeReason', '请填写变更或撤销的理由', 'data.reason');
    if (!d.decisionNo)
      throw invalid('enforcement.changeDecisionNo', '请填写变更或撤销决定的文书编号', 'data.decisionNo');
  }
}
