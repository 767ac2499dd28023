import chineseDays from 'chinese-days';

import { addDays, type LocalDate, makeDate } from './local-date.js';

// the package is CommonJS: under plain Node its functions are on the default export only
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/**
 * 《全国年节及纪念日放假办法》(国务院令第795号修订,2025-01-01起施行) 第二条 — the days off every
 * citizen has by law, known before the State Council publishes a year's arrangement:
 * 元旦 1 天(1月1日), 春节 4 天(农历除夕、正月初一至初三), 清明节 1 天(农历清明当日), 劳动节 2 天
 * (5月1日、2日), 端午节 1 天(农历端午当日), 中秋节 1 天(农历中秋当日), 国庆节 3 天(10月1日至3日).
 * The yearly notice only adds what the law leaves open: the 调休 make-up workdays and the weekday
 * a day off falling on a weekend is made up on (第六条 补假), so those stay unknown until it is loaded.
 */
export const STATUTORY_RULE = '《全国年节及纪念日放假办法》第二条';
/** The first year the current text of 第二条 applies to (the 2024 amendment took effect 2025-01-01). */
export const STATUTORY_RULE_FIRST_YEAR = 2025;
/** The last year the lunar functions of the calendar package answer for. */
export const STATUTORY_RULE_LAST_YEAR = 2100;

export interface StatutoryDay {
  day: LocalDate;
  name: string;
}

/** The lunar date's Gregorian date, from the calendar package (strings in, strings out: no time zone). */
function lunar(year: number, month: number, day: number): LocalDate {
  return getSolarDateFromLunar(makeDate(year, month, day)).date;
}

const cache = new Map<number, StatutoryDay[]>();

/** The statutory days off of `year` per 第二条, ascending (a day that is two festivals appears once). */
export function statutoryDaysOff(year: number): StatutoryDay[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const newYear = lunar(year, 1, 1);
  const days: StatutoryDay[] = [
    { day: makeDate(year, 1, 1), name: '元旦' },
    { day: addDays(newYear, -1), name: '春节' },
    { day: newYear, name: '春节' },
    { day: addDays(newYear, 1), name: '春节' },
    { day: addDays(newYear, 2), name: '春节' },
    { day: getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { day: makeDate(year, 5, 1), name: '劳动节' },
    { day: makeDate(year, 5, 2), name: '劳动节' },
    { day: lunar(year, 5, 5), name: '端午节' },
    { day: lunar(year, 8, 15), name: '中秋节' },
    { day: makeDate(year, 10, 1), name: '国庆节' },
    { day: makeDate(year, 10, 2), name: '国庆节' },
    { day: makeDate(year, 10, 3), name: '国庆节' },
  ];
  const byDay = new Map<LocalDate, StatutoryDay>();
  for (const d of days) {
    const seen = byDay.get(d.day);
    byDay.set(d.day, seen ? { day: d.day, name: `${seen.name}、${d.name}` } : d);
  }
  const out = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  cache.set(year, out);
  return out;
}

/** Why a date computed across `year` is provisional (shown next to every such date). */
export function provisionalReasonFor(year: number): string {
  return `${year}年的节假日安排尚未公布:已按${STATUTORY_RULE}扣除法定节假日,调休上班日和补假以国务院办公厅通知为准,此日期为暂估`;
}
