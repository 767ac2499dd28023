import type { Tx } from '../db/types.js';
import { addDays, type LocalDate } from './local-date.js';
import type { WorkCalendar } from './work-calendar.js';

/**
 * What a load (or correction) of a year's arrangement changed, as a domain's recompute hook sees
 * it: the calendar as it now stands, inside the load's own transaction.
 */
export interface CalendarChange {
  calendar: WorkCalendar;
  /** the arrangement years loaded or corrected */
  years: readonly number[];
  /**
   * The first day whose answer changed (workday or not, provisional or not), or null when
   * nothing did. A date counted to before it cannot have moved, and one counted to on or after
   * it cannot move before it, so a ledger only recomputes the rows whose stored date is on or
   * after this day.
   */
  from: LocalDate | null;
  /** today in China (some projections read it) */
  today: LocalDate;
}

/** How many records of one ledger got a new stored date. */
export interface RecomputeCount {
  /** the ledger's Chinese name, as shown to the administrator */
  ledger: string;
  changed: number;
}

/**
 * A domain's recompute of its stored due dates, from each record's log with the same rule
 * functions that set them (declared on the domain's module; the calendar never imports a domain).
 */
export type RecomputeDueDates = (trx: Tx, change: CalendarChange) => Promise<readonly RecomputeCount[]>;

/**
 * A recompute's write: for each row, `recompute` gives the columns to store, or null when what is
 * stored already agrees; `write` stores them, one row at a time. The number of rows written.
 */
export async function writeChanged<Row, Columns>(
  rows: readonly Row[],
  recompute: (row: Row) => Columns | null,
  write: (row: Row, columns: Columns) => Promise<unknown>,
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const columns = recompute(row);
    if (columns === null) continue;
    await write(row, columns);
    changed++;
  }
  return changed;
}

/**
 * The first day from the December before the first year to the end of the last year on which the
 * two calendars answer differently (a notice may reach back to the previous 12-31).
 */
export function firstChangedDay(
  before: WorkCalendar,
  after: WorkCalendar,
  years: readonly number[],
): LocalDate | null {
  if (years.length === 0) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const answer = (cal: WorkCalendar, d: LocalDate) => {
    try {
      const info = cal.describe(d);
      return `${info.workday}|${info.provisional ?? ''}`;
    } catch {
      return 'uncovered';
    }
  };
  for (let d = `${first - 1}-12-01`; d <= `${last}-12-31`; d = addDays(d, 1))
    if (answer(before, d) !== answer(after, d)) return d;
  return null;
}
