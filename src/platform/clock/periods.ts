import {
  addDays,
  dayOf,
  daysInMonth,
  type LocalDate,
  makeDate,
  monthOf,
  parseLocalDate,
  type WorkCalendar,
  yearOf,
} from '../calendar/index.js';
import { invalid } from '../errors.js';

/**
 * Period arithmetic. Every function follows the statutory convention that the day a period
 * starts is not counted (民法典 第二百零一条: 开始的当日不计入,自下一日开始计算; 民事诉讼法
 * 第八十五条: 期间开始的时和日,不计算在内).
 */

/** No arrangement has a rest run this long; a longer search means a broken calendar. */
const MAX_SCAN_DAYS = 3_660;

export function checkAmount(amount: number, field = 'amount'): number {
  if (!Number.isInteger(amount))
    throw invalid('clock.invalidAmount', `${field} 应为整数,实际为 ${amount}`, field);
  return amount;
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return addDays(parseLocalDate(date, 'start'), checkAmount(days, 'days'));
}

/**
 * The `n`-th working day after `date`: day 1 is the first workday after the start date, so the
 * start date itself never counts, workday or not. Negative `n` counts backwards (the `n`-th
 * workday before). Throws calendar.uncoveredYear when it meets a year nobody has loaded.
 */
export function addWorkdays(calendar: WorkCalendar, date: LocalDate, n: number): LocalDate {
  let day = parseLocalDate(date, 'start');
  const step = checkAmount(n, 'workdays') < 0 ? -1 : 1;
  let left = Math.abs(n);
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS + Math.abs(n) * 7) throw noWorkdayError(date);
    day = addDays(day, step);
    if (calendar.isWorkday(day)) left--;
  }
  return day;
}

/** `date` itself when it is a workday, else the first workday after it. */
export function workdayOnOrAfter(calendar: WorkCalendar, date: LocalDate): LocalDate {
  let day = parseLocalDate(date, 'date');
  for (let scanned = 0; !calendar.isWorkday(day); scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw noWorkdayError(date);
    day = addDays(day, 1);
  }
  return day;
}

/** Workdays in (from, to]: how many working days remain from `from` until `to`. Negative when `to` is earlier. */
export function countWorkdays(calendar: WorkCalendar, from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from, 'from');
  const b = parseLocalDate(to, 'to');
  if (b < a) return -countWorkdays(calendar, b, a);
  let count = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (calendar.isWorkday(day)) count++;
  return count;
}

/**
 * 民法典 第二百零二条: 按照年、月计算期间的,到期月的对应日为期间的最后一日;没有对应日的,
 * 以月末日为期间的最后一日 — so 01-31 + 1 month = 02-28 (02-29 in a leap year).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const start = parseLocalDate(date, 'start');
  const index = yearOf(start) * 12 + (monthOf(start) - 1) + checkAmount(months, 'months');
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return makeDate(year, month, Math.min(dayOf(start), daysInMonth(year, month)));
}

function noWorkdayError(date: LocalDate) {
  return invalid('clock.noWorkday', `自 ${date} 起很长时间内找不到工作日,节假日安排数据可能有误`, 'calendar');
}
