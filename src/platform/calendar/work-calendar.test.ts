import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, packageDates } from './package-data.js';
import { createWorkCalendar } from './work-calendar.js';

const cal = createWorkCalendar();

describe('the package calendar (State Council arrangements)', () => {
  it('declares exactly the years present in the package data', () => {
    const years = new Set(packageDates().map((d) => Number(d.slice(0, 4))));
    expect(Math.min(...years)).toBe(PACKAGE_FIRST_YEAR);
    expect(Math.max(...years)).toBe(PACKAGE_LAST_YEAR);
    for (let y = PACKAGE_FIRST_YEAR; y <= PACKAGE_LAST_YEAR; y++) expect(years.has(y)).toBe(true);
    expect(cal.coveredYears()).toHaveLength(PACKAGE_LAST_YEAR - PACKAGE_FIRST_YEAR + 1);
  });

  // 国办发明电〔2024〕12号 (2025 arrangement).
  it.each([
    ['2025-01-26', true, 'makeupWorkday', '春节'], // Sunday worked
    ['2025-02-08', true, 'makeupWorkday', '春节'], // Saturday worked
    ['2025-01-28', false, 'holiday', '春节'], // 除夕
    ['2025-02-04', false, 'holiday', '春节'],
    ['2025-02-05', true, 'workday', ''],
    ['2025-09-28', true, 'makeupWorkday', '国庆节'],
    ['2025-10-08', false, 'holiday', '国庆节'],
    ['2025-10-11', true, 'makeupWorkday', '国庆节'],
    ['2025-10-12', false, 'weekend', ''],
  ])('2025: %s workday=%s (%s %s)', (date, workday, kind, name) => {
    expect(cal.describe(date)).toMatchObject({ workday, kind, name, source: 'chinese-days 1.5.7' });
    expect(cal.isWorkday(date)).toBe(workday);
  });

  // 国办发明电〔2025〕7号 (2026): 春节 2-15 至 2-23 放假, 2-14(六)、2-28(六)上班; 元旦 1-4(日)上班.
  it.each([
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
  ])('2026: %s workday=%s', (date, workday) => {
    expect(cal.isWorkday(date)).toBe(workday);
  });

  it('names holidays and only holidays', () => {
    expect(cal.holidayName('2026-02-17')).toBe('春节');
    expect(cal.holidayName('2026-02-14')).toBeUndefined();
    expect(cal.holidayName('2026-03-07')).toBeUndefined();
  });

  it('answers an unpublished year by the statutory days off only, flagged provisional', () => {
    expect(cal.covers(2027)).toBe(false);
    expect(cal.provisionalReason(2026)).toBeUndefined();
    expect(cal.provisionalReason(2027)).toMatch(/2027年的节假日安排尚未公布.*第二条/);
    // 全国年节及纪念日放假办法 第二条: 元旦 (Friday 2027-01-01) and 春节 (除夕 02-05 … 初三 02-08)
    expect(cal.describe('2027-01-01')).toMatchObject({ workday: false, kind: 'holiday', name: '元旦' });
    expect(cal.isWorkday('2027-02-05')).toBe(false);
    expect(cal.isWorkday('2027-02-08')).toBe(false);
    expect(cal.isWorkday('2027-02-09')).toBe(true);
    // make-up workdays are unknown: a Saturday stays a rest day
    expect(cal.describe('2027-02-20')).toMatchObject({ workday: false, kind: 'weekend' });
    expect(cal.describe('2027-01-04').provisional).toMatch(/调休上班日和补假以国务院办公厅通知为准/);
  });

  it('refuses a year before the current 第二条 that nobody has loaded instead of guessing', () => {
    let caught: unknown;
    try {
      cal.isWorkday('2003-06-02');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      code: 'calendar.uncoveredYear',
      kind: 'invalid',
      details: { year: 2003 },
    });
    expect((caught as Error).message).toContain('2003年的节假日安排尚未载入');
  });
});

describe('admin-loaded overrides', () => {
  const with2027 = createWorkCalendar({
    years: [{ year: 2027, source: '国办发明电〔2026〕X号' }],
    days: [
      { day: '2027-01-01', kind: 'holiday', name: '元旦', year: 2027 },
      { day: '2027-02-06', kind: 'workday', name: '春节', year: 2027 },
      { day: '2027-02-08', kind: 'holiday', name: '春节', year: 2027 },
    ],
  });

  it('answers for the loaded year from the loaded notice', () => {
    expect(with2027.covers(2027)).toBe(true);
    expect(with2027.coveredYears().at(-1)).toBe(2027);
    expect(with2027.isWorkday('2027-01-04')).toBe(true);
    expect(with2027.isWorkday('2027-01-01')).toBe(false);
    expect(with2027.isWorkday('2027-02-06')).toBe(true); // Saturday worked
    expect(with2027.isWorkday('2027-02-08')).toBe(false); // Monday off
    expect(with2027.describe('2027-02-08').source).toBe('国办发明电〔2026〕X号');
    expect(with2027.describe('2027-02-08').provisional).toBeUndefined();
    expect(with2027.describe('2028-01-03').provisional).toMatch(/2028年的节假日安排尚未公布/);
  });

  it('replaces the package for an overridden year', () => {
    const corrected = createWorkCalendar({ years: [{ year: 2025, source: '更正' }], days: [] });
    expect(cal.isWorkday('2025-10-01')).toBe(false);
    expect(corrected.isWorkday('2025-10-01')).toBe(true); // the override lists no holidays
    expect(corrected.isWorkday('2025-02-08')).toBe(false); // nor the package's make-up Saturday
    expect(corrected.isWorkday('2026-02-16')).toBe(false); // other years still from the package
  });

  it("applies a notice's previous-December days even where the package covers that December", () => {
    const spill = createWorkCalendar({
      years: [{ year: 2027, source: 'X' }],
      days: [{ day: '2026-12-31', kind: 'holiday', name: '元旦', year: 2027 }],
    });
    expect(cal.isWorkday('2026-12-31')).toBe(true);
    expect(spill.isWorkday('2026-12-31')).toBe(false);
    expect(spill.holidayName('2026-12-31')).toBe('元旦');
  });
});
