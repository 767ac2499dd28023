import { invalid } from '../errors.js';

/**
 * A legal date: 'YYYY-MM-DD', a day in China (Asia/Shanghai), never a JS Date at local midnight
 * (a JS Date shifts by a day when the server's time zone differs). Arithmetic goes through a
 * day number computed in UTC, which has no daylight saving and no zone.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a well-formed date, or undefined when the string is not a real date. */
function dayNumberOrUndefined(value: string): number | undefined {
  const m = SHAPE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && dayNumberOrUndefined(value) !== undefined;
}

/** Returns the date or throws a DomainError naming `field`. */
export function parseLocalDate(value: unknown, field = 'date'): LocalDate {
  if (isLocalDate(value)) return value;
  throw invalid(
    'date.invalid',
    `${field} 不是有效日期(应为 YYYY-MM-DD 格式的真实日期):${String(value)}`,
    field,
  );
}

function dayNumber(date: LocalDate): number {
  const n = dayNumberOrUndefined(date);
  if (n === undefined) throw invalid('date.invalid', `不是有效日期(应为 YYYY-MM-DD):${date}`);
  return n;
}

function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: LocalDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** `to - from` in days: positive when `to` is later. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  // Same fixed-width format, so string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: LocalDate): number {
  return Number(date.slice(5, 7));
}

export function dayOf(date: LocalDate): number {
  return Number(date.slice(8, 10));
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseLocalDate(text);
}

/** The date in China at `instant`: China keeps UTC+8 all year (no daylight saving since 1991). */
export function chinaDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[weekday(date)] ?? '';
}
