import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import {
  addWorkdays,
  computeDeadline,
  type DeadlineInput,
  provisionalReason,
} from '../../../platform/clock/index.js';
import type { Due } from './spec.js';

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

/**
 * An item's clocks as its ledger lists them, in the order added: each from a counted deadline and
 * the act that met it (none yet: open); one whose deadline cannot be counted is left out.
 */
export function dueList() {
  const dues: Due[] = [];
  const add = (
    kind: string,
    label: string,
    counted: Counted,
    met: { date: LocalDate } | undefined,
    party = false,
  ): void => {
    if (counted.due)
      dues.push({
        kind,
        label,
        dueOn: counted.due,
        metOn: met?.date ?? null,
        party,
        provisional: counted.provisional,
      });
  };
  return { dues, add };
}
