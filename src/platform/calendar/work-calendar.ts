import { DomainError } from '../errors.js';
import { isWeekend, type LocalDate, parseLocalDate, yearOf } from './local-date.js';
import {
  PACKAGE_FIRST_YEAR,
  PACKAGE_LAST_YEAR,
  PACKAGE_NAME,
  packageCovers,
  packageDay,
} from './package-data.js';
import {
  provisionalReasonFor,
  STATUTORY_RULE,
  STATUTORY_RULE_FIRST_YEAR,
  STATUTORY_RULE_LAST_YEAR,
  statutoryDaysOff,
} from './statutory-holidays.js';

export type CalendarDayKind = 'holiday' | 'workday';

/** One day of an admin-loaded arrangement (table calendar_day). */
export interface CalendarOverrideDay {
  day: LocalDate;
  /** holiday = 法定节假日 (a day off); workday = 调休上班日 (a weekend day worked). */
  kind: CalendarDayKind;
  name: string;
  /** The arrangement year the day was loaded with (a notice may reach into the previous December). */
  year: number;
}

export interface CalendarOverrideYear {
  year: number;
  /** The notice, e.g. 国办发明电〔2026〕X号. */
  source: string;
}

export interface CalendarOverrides {
  years: readonly CalendarOverrideYear[];
  days: readonly CalendarOverrideDay[];
}

export const NO_OVERRIDES: CalendarOverrides = { years: [], days: [] };

/** workday = 工作日, weekend = 公休日, holiday = 法定节假日, makeupWorkday = 调休上班日. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  date: LocalDate;
  workday: boolean;
  kind: DayKind;
  /** The festival for a holiday or make-up workday (e.g. 春节); '' otherwise. */
  name: string;
  /** Where the answer comes from: the package, the notice an administrator loaded, or the statute. */
  source: string;
  /** Set for a year whose arrangement is not published: the reason the answer is provisional. */
  provisional?: string;
}

/** Workdays in China per the State Council's yearly arrangement. Pure: no I/O. */
export interface WorkCalendar {
  isWorkday(date: LocalDate): boolean;
  /** The festival name when `date` is a statutory holiday day off, else undefined. */
  holidayName(date: LocalDate): string | undefined;
  describe(date: LocalDate): DayInfo;
  /** The year's published arrangement is known (package or loaded notice). */
  covers(year: number): boolean;
  /** Ascending: the years with a published arrangement. */
  coveredYears(): number[];
  /** The package name or the loaded notice for a covered year; undefined when uncovered. */
  sourceOf(year: number): string | undefined;
  /**
   * Why dates in `year` are provisional — its arrangement is not published, so only the statutory
   * days off are known — or undefined for a published year.
   */
  provisionalReason(year: number): string | undefined;
}

export function uncoveredYearError(year: number): DomainError {
  return new DomainError(
    'calendar.uncoveredYear',
    `${year}年的节假日安排尚未载入,无法判断工作日、计算法定期限。请系统管理员依据国务院办公厅当年的放假安排通知载入(fazhi calendar load)后再试。`,
    'invalid',
    { year },
  );
}

/**
 * Builds the calendar from the package plus the admin-loaded overrides. An override for a year
 * replaces the package for that whole year. A later year covered by neither answers by the one
 * rule for unpublished years: weekends and the statutory days off of 全国年节及纪念日放假办法
 * 第二条 are rest days, make-up workdays are unknown, and every answer carries the reason it is
 * provisional. A year before the current 第二条 took effect and uncovered is refused, never guessed.
 * Override days are looked up by date first, so a notice's entry for the previous December
 * (e.g. 元旦 starting on 12-31) applies even where the package covers that December.
 */
function listedInfo(
  date: LocalDate,
  listed: { kind: CalendarDayKind; name: string },
  source: string,
): DayInfo {
  return listed.kind === 'holiday'
    ? { date, workday: false, kind: 'holiday', name: listed.name, source }
    : { date, workday: true, kind: 'makeupWorkday', name: listed.name, source };
}

export function createWorkCalendar(overrides: CalendarOverrides = NO_OVERRIDES): WorkCalendar {
  const overrideYears = new Map(overrides.years.map((y) => [y.year, y.source]));
  const overrideDays = new Map(overrides.days.map((d) => [d.day, d]));

  const sourceOf = (year: number): string | undefined =>
    overrideYears.get(year) ?? (packageCovers(year) ? PACKAGE_NAME : undefined);

  // days are looked up by the thousand when a batch of cases is checked; a calendar never changes
  const known = new Map<LocalDate, DayInfo>();
  const describe = (input: LocalDate): DayInfo => {
    const hit = known.get(input);
    if (hit) return hit;
    const info = describeDay(input);
    known.set(input, info);
    return info;
  };
  const describeDay = (input: LocalDate): DayInfo => {
    const date = parseLocalDate(input);
    const year = yearOf(date);
    const source = sourceOf(year);
    if (source === undefined) {
      if (year < STATUTORY_RULE_FIRST_YEAR || year > STATUTORY_RULE_LAST_YEAR) throw uncoveredYearError(year);
      return describeProvisional(date, year);
    }
    const listed = overrideDays.get(date) ?? (overrideYears.has(year) ? undefined : packageDay(date));
    if (listed) return listedInfo(date, listed, source);
    const weekend = isWeekend(date);
    return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', name: '', source };
  };

  const statutory = new Map<number, Map<LocalDate, string>>();
  const describeProvisional = (date: LocalDate, year: number): DayInfo => {
    let days = statutory.get(year);
    if (!days) {
      days = new Map(statutoryDaysOff(year).map((d) => [d.day, d.name]));
      statutory.set(year, days);
    }
    const provisional = provisionalReasonFor(year);
    const source = `${STATUTORY_RULE}(暂估)`;
    // a notice loaded for another year may already fix this date (e.g. its 元旦 reaching back)
    const listed = overrideDays.get(date);
    if (listed) return { ...listedInfo(date, listed, source), provisional };
    const name = days.get(date);
    if (name !== undefined) return { date, workday: false, kind: 'holiday', name, source, provisional };
    const weekend = isWeekend(date);
    return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', name: '', source, provisional };
  };

  const provisionalReason = (year: number): string | undefined =>
    sourceOf(year) === undefined && year >= STATUTORY_RULE_FIRST_YEAR && year <= STATUTORY_RULE_LAST_YEAR
      ? provisionalReasonFor(year)
      : undefined;

  return {
    describe,
    provisionalReason,
    isWorkday: (date) => describe(date).workday,
    holidayName: (date) => {
      const info = describe(date);
      return info.kind === 'holiday' ? info.name : undefined;
    },
    covers: (year) => sourceOf(year) !== undefined,
    coveredYears: () => {
      const years = new Set(overrideYears.keys());
      for (let y = PACKAGE_FIRST_YEAR; y <= PACKAGE_LAST_YEAR; y++) years.add(y);
      return [...years].sort((a, b) => a - b);
    },
    sourceOf,
  };
}
