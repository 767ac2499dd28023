import { describe, expect, it } from 'vitest';
import { packageDay } from './package-data.js';
import { statutoryDaysOff } from './statutory-holidays.js';

// 《全国年节及纪念日放假办法》第二条 (国务院令第795号, 2025-01-01 起施行): 13 statutory days off.
describe('statutory days off (全国年节及纪念日放假办法 第二条)', () => {
  it.each([2025, 2026])('%i: every computed day off is a holiday in the published arrangement', (year) => {
    const days = statutoryDaysOff(year);
    expect(days).toHaveLength(13);
    for (const d of days) expect(packageDay(d.day), d.day).toMatchObject({ kind: 'holiday' });
  });

  it.each<[number, string, string]>([
    // 春节 by the lunar calendar: 除夕 and 正月初一至初三
    [2027, '2027-02-05', '春节'],
    [2027, '2027-02-08', '春节'],
    [2027, '2027-04-05', '清明节'],
    [2027, '2027-06-09', '端午节'],
    [2027, '2027-09-15', '中秋节'],
    [2027, '2027-01-01', '元旦'],
    [2027, '2027-05-02', '劳动节'],
    [2027, '2027-10-03', '国庆节'],
    [2028, '2028-01-25', '春节'],
    [2028, '2028-05-28', '端午节'],
    // 2028: 中秋 falls on 10-03, inside 国庆 — one day, both names, 12 days in all
    [2028, '2028-10-03', '中秋节、国庆节'],
  ])('%i: %s is %s', (year, day, name) => {
    expect(statutoryDaysOff(year).find((d) => d.day === day)?.name).toBe(name);
  });

  it('counts a day that is two festivals once', () => {
    expect(statutoryDaysOff(2028)).toHaveLength(12);
    expect(statutoryDaysOff(2027).map((d) => d.day)).not.toContain('2027-02-09');
  });
});
