import { isWeekend, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { addWorkdays, computeDeadline, type DeadlineInput } from '../../../platform/clock/index.js';
import { DomainError } from '../../../platform/errors.js';

/**
 * A stand-in calendar for a year whose State Council arrangement is not loaded yet: weekdays are
 * workdays. Dates counted with it are marked provisional wherever they are shown and recomputed
 * once the year is loaded (ARCHITECTURE: Clocks).
 */
const weekdayCalendar: WorkCalendar = {
  isWorkday: (d) => !isWeekend(d),
  holidayName: () => undefined,
  describe: (d) => ({
    date: d,
    workday: !isWeekend(d),
    kind: isWeekend(d) ? 'weekend' : 'workday',
    name: '',
    source: '暂按周一至周五计算',
  }),
  covers: () => true,
  coveredYears: () => [],
  sourceOf: () => undefined,
};

export interface Counted {
  due: LocalDate | null;
  provisional: boolean;
}

function withFallback<T>(exact: () => T, provisional: () => T): { value: T; provisional: boolean } {
  try {
    return { value: exact(), provisional: false };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'calendar.uncoveredYear')
      return { value: provisional(), provisional: true };
    throw e;
  }
}

/** computeDeadline, provisional (weekdays only) when the period reaches an unloaded year. */
export function deadline(calendar: WorkCalendar, input: DeadlineInput): Counted {
  const r = withFallback(
    () => computeDeadline(calendar, input).due,
    () => computeDeadline(weekdayCalendar, input).due,
  );
  return { due: r.value, provisional: r.provisional };
}

/** The n-th workday after `date`, provisional when it reaches an unloaded year. */
export function workdaysAfter(calendar: WorkCalendar, date: LocalDate, n: number): Counted {
  const r = withFallback(
    () => addWorkdays(calendar, date, n),
    () => addWorkdays(weekdayCalendar, date, n),
  );
  return { due: r.value, provisional: r.provisional };
}
