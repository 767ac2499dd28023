import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import {
  addWorkdays,
  computeDeadline,
  type DeadlineInput,
  provisionalReason,
} from '../../../platform/clock/index.js';

/**
 * A deadline and whether it is provisional: computed across a year whose State Council
 * arrangement is not published yet, the calendar skips the statutory days off (全国年节及纪念日放假办法
 * 第二条) but cannot know the make-up workdays, so the date is marked 暂估 wherever it is shown
 * (ARCHITECTURE: Clocks) — the same rule as every other ledger.
 */
export interface Counted {
  due: LocalDate | null;
  provisional: boolean;
}

export function deadline(calendar: WorkCalendar, input: DeadlineInput): Counted {
  const due = computeDeadline(calendar, input).due;
  return { due, provisional: provisionalReason(calendar, due, input.start) !== null };
}

/** The n-th workday after `date`. */
export function workdaysAfter(calendar: WorkCalendar, date: LocalDate, n: number): Counted {
  const due = addWorkdays(calendar, date, n);
  return { due, provisional: provisionalReason(calendar, due, date) !== null };
}
