import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/index.js';
import { addCalendarDays, addMonths, addWorkdays, countWorkdays, workdayOnOrAfter } from './periods.js';

const cal = createWorkCalendar();

describe('working days (day 1 is the first workday after the start date)', () => {
  it.each([
    // [start, n, due, basis]
    // 国庆+中秋 2025 (国办发明电〔2024〕12号): 10-01…10-08 off; 09-28(日) and 10-11(六) worked.
    ['2025-09-30', 7, '2025-10-16', '行政复议法 第八十八条: 七日 = 7 个工作日 (e.g. 第四十八条 送达副本)'],
    ['2025-09-26', 5, '2025-10-10', '行政复议法 第三十条: 五日; 09-28(日)调休上班 counts'],
    ['2025-10-10', 1, '2025-10-11', '10-11(六) is a make-up workday'],
    // 春节 2025: 01-26(日) and 02-08(六) worked (国办发明电〔2024〕12号).
    ['2025-01-24', 3, '2025-02-05', '行政处罚法 第八十五条: 三日 = 工作日; 01-26(日) counts'],
    ['2025-02-05', 3, '2025-02-08', '02-08(六) counts'],
    // 春节 2026 (国办发明电〔2025〕7号): 02-15…02-23 off; 02-14(六) and 02-28(六) worked.
    ['2026-02-12', 3, '2026-02-24', '行政复议法 第八十八条: 三日'],
    ['2026-02-13', 5, '2026-02-27', '行政复议法 第三十条: 五日 审查受理'],
    ['2026-02-13', 10, '2026-03-05', '行政复议法 第四十八条: 十日 答复; 02-28(六) counts'],
    // 政府信息公开条例 第三十三条: 20 个工作日 across 国庆 2025.
    ['2025-09-22', 20, '2025-10-24', '政府信息公开条例 第三十三条'],
    // The start date never counts, even when it is a workday (民法典 第二百零一条).
    ['2025-03-03', 1, '2025-03-04', '开始的当日不计入'],
    ['2025-03-08', 1, '2025-03-10', 'start on a Saturday: day 1 is Monday'],
    ['2025-10-09', -1, '2025-09-30', 'backwards over 国庆'],
    ['2025-03-05', 0, '2025-03-05', 'zero days'],
  ])('%s + %i workdays = %s (%s)', (start, n, due) => {
    expect(addWorkdays(cal, start, n)).toBe(due);
  });

  it('2027 skips the statutory days off until its arrangement is loaded, then follows the notice', () => {
    // 全国年节及纪念日放假办法 第二条: 2027-01-01 (Friday) is 元旦 even before the notice
    expect(addWorkdays(cal, '2026-12-30', 3)).toBe('2027-01-05');
    expect(addWorkdays(cal, '2026-12-05', 20)).toBe('2027-01-04');
    const loaded = createWorkCalendar({
      years: [{ year: 2027, source: '国办发明电〔2026〕X号' }],
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦', year: 2027 },
        { day: '2027-01-02', kind: 'holiday', name: '元旦', year: 2027 },
        { day: '2027-01-03', kind: 'holiday', name: '元旦', year: 2027 },
      ],
    });
    expect(addWorkdays(loaded, '2026-12-30', 3)).toBe('2027-01-05');
    expect(loaded.isWorkday('2027-01-04')).toBe(true);
  });

  it('counts the workdays left and finds the next workday', () => {
    expect(countWorkdays(cal, '2025-09-30', '2025-10-16')).toBe(7);
    expect(countWorkdays(cal, '2025-10-16', '2025-09-30')).toBe(-7);
    expect(countWorkdays(cal, '2025-10-16', '2025-10-16')).toBe(0);
    expect(workdayOnOrAfter(cal, '2025-10-01')).toBe('2025-10-09');
    expect(workdayOnOrAfter(cal, '2025-09-27')).toBe('2025-09-28');
    expect(workdayOnOrAfter(cal, '2025-09-29')).toBe('2025-09-29');
  });

  it('refuses fractional amounts', () => {
    expect(() => addWorkdays(cal, '2025-01-02', 1.5)).toThrow(/应为整数/);
  });
});

describe('calendar days and months', () => {
  it.each([
    ['2025-08-01', 60, '2025-09-30'],
    ['2025-12-20', 15, '2026-01-04'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s + %i days = %s', (start, n, due) => {
    expect(addCalendarDays(start, n)).toBe(due);
  });

  // 民法典 第二百零二条: no matching day → the last day of the month.
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-01-15', 12, '2026-01-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('%s + %i months = %s', (start, n, due) => {
    expect(addMonths(start, n)).toBe(due);
  });
});
