import { z } from 'zod';
import {
  addDays,
  daysBetween,
  type LocalDate,
  parseLocalDate,
  type WorkCalendar,
  yearOf,
} from '../calendar/index.js';
import { invalid } from '../errors.js';
import { addMonths, checkAmount, workdayOnOrAfter } from './periods.js';

/**
 * calendarDay: 日 counted on the calendar (行政复议法 第六十二条 60 日).
 * workday: 工作日 (行政复议法 第八十八条: 三日、五日、七日、十日 are working days; 行政处罚法
 *   第八十五条: 二日、三日、五日、七日; 政府信息公开条例 第三十三条: 20 个工作日).
 * month: 月, same day of the month with an end-of-month clamp (民法典 第二百零二条).
 */
export const PeriodUnit = z.enum(['calendarDay', 'workday', 'month']);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

export const PeriodRule = z.object({
  unit: PeriodUnit,
  amount: z.number().int().min(0),
  /**
   * 民法典 第二百零三条: 期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日
   * (likewise 民事诉讼法 第八十五条, applied to 行政诉讼 by 行政诉讼法 第一百零一条 and to 行政复议
   * by 行政复议法 第八十八条). A 法定休假日 includes weekends, and a weekend day moved to a
   * workday by the 调休 arrangement is not one (最高人民法院《关于贯彻执行〈民法通则〉若干问题的
   * 意见(试行)》第198条: 有变通的,以实际休假日的次日为期间的最后一天), so the last day moves to
   * the first workday of the calendar. Only for calendarDay and month rules (a workday period
   * always ends on a workday); on unless a rule says otherwise.
   */
  rollOverRestDay: z.boolean().default(true),
});
export type PeriodRule = z.input<typeof PeriodRule>;

/**
 * Time that does not count: 中止 (行政复议法 第三十九条), 补正 where the statute says so, third-party
 * consultation (政府信息公开条例 第三十三条第三款). Both ends inclusive. No `to` means the clock is
 * still stopped. A restart (补正 received, 政府信息公开条例 第三十条) is a new start date, not a pause.
 */
export interface Pause {
  from: LocalDate;
  to?: LocalDate | undefined;
  reason?: string;
}

/** An approved extension, in the rule's unit (行政复议法 第六十二条 ≤ 30 日; 政府信息公开条例 第三十三条 ≤ 20 个工作日). */
export interface Extension {
  amount: number;
  reason?: string;
}

export interface DeadlineInput {
  /** The day the period starts from (e.g. the day the application was received); not itself counted. */
  start: LocalDate;
  rule: PeriodRule;
  pauses?: readonly Pause[];
  extensions?: readonly Extension[];
}

export interface Deadline {
  start: LocalDate;
  /** The last day of the period (inclusive); null while an open pause stops the clock. */
  due: LocalDate | null;
  /** Set when an open pause stops the clock before the period ends. */
  pausedSince?: LocalDate;
  /** Rule amount plus extensions, in the rule's unit. */
  totalAmount: number;
  /** Calendar days inside pauses that were skipped before the due date. */
  pausedDays: number;
  /** The computed last day before it moved off a rest day (民法典 第二百零三条). */
  rolledOverFrom?: LocalDate;
  /** Why the date is provisional: the period reaches a year whose holiday arrangement is not published. */
  provisional?: string;
}

/**
 * The one rule for a provisional date: a date counted across a year whose arrangement is not
 * published (the statutory days off are skipped, make-up days are unknown) carries the reason;
 * null when every year from `start` (by default the year before `due`) to `due` is published.
 * Every place a due date is shown or stored asks this, so all of them agree.
 */
export function provisionalReason(
  calendar: WorkCalendar,
  due: LocalDate | null | undefined,
  start?: LocalDate,
): string | null {
  if (!due) return null;
  const last = yearOf(due);
  const first = start ? Math.min(yearOf(start), last) : last - 1;
  for (let y = first; y <= last; y++) {
    const reason = calendar.provisionalReason(y);
    if (reason) return reason;
  }
  return null;
}

function checkPauses(pauses: readonly Pause[]): { from: LocalDate; to: LocalDate | undefined }[] {
  return pauses.map((p, i) => {
    const from = parseLocalDate(p.from, `pauses[${i}].from`);
    const to = p.to === undefined ? undefined : parseLocalDate(p.to, `pauses[${i}].to`);
    if (to !== undefined && to < from) {
      throw invalid(
        'clock.invalidPause',
        `中止/扣除期间的结束日 ${to} 早于开始日 ${from}`,
        `pauses[${i}].to`,
      );
    }
    return { from, to };
  });
}

/** Computes when a statutory period ends, skipping pauses and adding extensions. */
export function computeDeadline(calendar: WorkCalendar, input: DeadlineInput): Deadline {
  const start = parseLocalDate(input.start, 'start');
  const parsed = PeriodRule.safeParse(input.rule);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw invalid(
      'clock.invalidRule',
      `期限规则无效(${path}):应为 {unit, amount} 且 amount 为非负整数`,
      `rule.${path}`,
    );
  }
  const rule = parsed.data;
  const pauses = checkPauses(input.pauses ?? []);
  const extra = (input.extensions ?? []).reduce(
    (sum, e, i) => sum + checkAmount(e.amount, `extensions[${i}].amount`),
    0,
  );
  const totalAmount = rule.amount + extra;
  if (totalAmount < 0) throw invalid('clock.invalidAmount', '延长的期限不能使总期限为负', 'extensions');

  // A month period becomes the calendar days it spans from `start`, so pauses push it day by day.
  const steps = rule.unit === 'month' ? daysBetween(start, addMonths(start, totalAmount)) : totalAmount;
  const openPause = (day: LocalDate) => pauses.find((p) => p.to === undefined && p.from <= day);
  const paused = (day: LocalDate) => pauses.some((p) => p.from <= day && (p.to === undefined || day <= p.to));

  let day = start;
  let pausedDays = 0;
  for (let left = steps; left > 0; ) {
    day = addDays(day, 1);
    const open = openPause(day);
    if (open) return { start, due: null, pausedSince: open.from, totalAmount, pausedDays };
    if (paused(day)) {
      pausedDays++;
      continue;
    }
    if (rule.unit !== 'workday' || calendar.isWorkday(day)) left--;
  }

  let out: Deadline = { start, due: day, totalAmount, pausedDays };
  if (rule.unit !== 'workday' && rule.rollOverRestDay) {
    const due = workdayOnOrAfter(calendar, day);
    if (due !== day) out = { start, due, totalAmount, pausedDays, rolledOverFrom: day };
  }
  const provisional = provisionalReason(calendar, out.due, start);
  return provisional ? { ...out, provisional } : out;
}

/** 正常 / 临期 / 逾期 */
/**
 * 临期: an open clock whose last day is at most this many calendar days away. No statute sets it;
 * it is the one window of every statutory ledger (enforcement, 复议 and 建议, requests' default),
 * so a 临期 filter, tag and dashboard count mean the same everywhere.
 */
export const DUE_SOON_DAYS = 5;

export type DueState = 'normal' | 'dueSoon' | 'overdue';

/**
 * An item due today is not overdue: the last day runs to its end (民法典 第二百零三条第二款:
 * 期间的最后一日的截止时间为二十四时). It is 临期 when `warnDays` calendar days or fewer remain.
 */
export function dueState(due: LocalDate, today: LocalDate, warnDays: number): DueState {
  const left = daysBetween(parseLocalDate(today, 'today'), parseLocalDate(due, 'due'));
  if (left < 0) return 'overdue';
  return left <= checkAmount(warnDays, 'warnDays') ? 'dueSoon' : 'normal';
}
