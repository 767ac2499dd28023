import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDate,
  daysBetween,
  daysInMonth,
  isLocalDate,
  makeDate,
  parseLocalDate,
  weekday,
  weekdayName,
} from './local-date.js';

describe('local dates', () => {
  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-09-30', 30, '2025-10-30'],
  ])('%s + %i days = %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });

  it.each([
    ['2025-01-26', 0, '星期日'],
    ['2025-02-08', 6, '星期六'],
    ['2025-10-01', 3, '星期三'],
    ['1970-01-01', 4, '星期四'],
    ['1969-12-31', 3, '星期三'],
  ])('%s is weekday %i (%s)', (date, n, name) => {
    expect(weekday(date)).toBe(n);
    expect(weekdayName(date)).toBe(name);
  });

  it('rejects dates that do not exist', () => {
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-1')).toBe(false);
    expect(() => parseLocalDate('2025-04-31', 'acceptedOn')).toThrow(/acceptedOn 不是有效日期/);
    expect(() => makeDate(2025, 2, 29)).toThrow();
  });

  it('counts days between dates and days in a month', () => {
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('takes the date in China, not the server zone', () => {
    // 2025-03-31T16:30Z is 00:30 on 1 April in Beijing.
    expect(chinaDate(new Date('2025-03-31T16:30:00Z'))).toBe('2025-04-01');
    expect(chinaDate(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
  });
});
