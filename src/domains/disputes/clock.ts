import {
  compareDates,
  isWeekend,
  type LocalDate,
  type WorkCalendar,
  yearOf,
} from '../../platform/calendar/index.js';
import { computeDeadline, type Extension, type Pause, type PeriodRule } from '../../platform/clock/index.js';

export interface Period {
  /** the last day; null while an open pause (中止) stops the clock */
  due: LocalDate | null;
  pausedSince: LocalDate | null;
  pausedDays: number;
  /** counted without the holiday arrangement of a year not loaded yet (weekends only) */
  provisional: boolean;
}

/**
 * A statutory period from `start` (the start day not counted, 民法典 第二百零一条), skipping
 * pauses, plus approved extensions, with a calendar-day end moved off a rest day (第二百零三条).
 * A year whose 放假安排 is not loaded is counted on weekends only and flagged provisional — a
 * clock on a case never refuses to show.
 */
export function period(
  calendar: WorkCalendar,
  start: LocalDate,
  rule: PeriodRule,
  pauses: readonly Pause[] = [],
  extensions: readonly Extension[] = [],
): Period {
  let provisional = false;
  const lenient: WorkCalendar = {
    ...calendar,
    isWorkday: (d) => {
      if (calendar.covers(yearOf(d))) return calendar.isWorkday(d);
      provisional = true;
      return !isWeekend(d);
    },
  };
  const d = computeDeadline(lenient, { start, rule, pauses, extensions });
  return { due: d.due, pausedSince: d.pausedSince ?? null, pausedDays: d.pausedDays, provisional };
}

/** Whether `date` is on or before `due` (the last day runs to 24:00, 民法典 第二百零三条). */
export const onTime = (date: LocalDate, due: LocalDate) => compareDates(date, due) <= 0;

/** 临期 within this many calendar days of the last day (an office setting would override it). */
export const WARN_DAYS = 3;
