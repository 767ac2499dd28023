import { compareDates, type LocalDate, type WorkCalendar } from '../../platform/calendar/index.js';
import {
  computeDeadline,
  DUE_SOON_DAYS,
  type Extension,
  type Pause,
  type PeriodRule,
  provisionalReason,
} from '../../platform/clock/index.js';

export interface Period {
  /** the last day; null while an open pause (中止) stops the clock */
  due: LocalDate | null;
  pausedSince: LocalDate | null;
  pausedDays: number;
  /** counted across a year whose holiday arrangement is not published yet (暂估) */
  provisional: boolean;
}

/**
 * A statutory period from `start` (the start day not counted, 民法典 第二百零一条), skipping
 * pauses, plus approved extensions, with a calendar-day end moved off a rest day (第二百零三条).
 * Across a year whose 放假安排 is not published the calendar skips the statutory days off and the
 * date is flagged provisional (暂估) — the platform's one rule, so a clock never refuses to show.
 */
export function period(
  calendar: WorkCalendar,
  start: LocalDate,
  rule: PeriodRule,
  pauses: readonly Pause[] = [],
  extensions: readonly Extension[] = [],
): Period {
  const d = computeDeadline(calendar, { start, rule, pauses, extensions });
  const provisional = provisionalReason(calendar, d.due ?? d.pausedSince ?? start, start) !== null;
  return { due: d.due, pausedSince: d.pausedSince ?? null, pausedDays: d.pausedDays, provisional };
}

/** Whether `date` is on or before `due` (the last day runs to 24:00, 民法典 第二百零三条). */
export const onTime = (date: LocalDate, due: LocalDate) => compareDates(date, due) <= 0;

/** 临期 within this many calendar days of the last day: the platform's one window (platform/clock). */
export const WARN_DAYS = DUE_SOON_DAYS;
