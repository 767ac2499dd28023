import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/index.js';
import { computeDeadline, type DeadlineInput, dueState } from './deadline.js';

const cal = createWorkCalendar();
const due = (input: DeadlineInput) => computeDeadline(cal, input).due;

describe('deadlines from statutory rules', () => {
  it.each<[string, DeadlineInput, string]>([
    // 行政复议法 第六十二条: 普通程序 60 日 from acceptance (calendar days), extension ≤ 30 日.
    [
      '60 日, ends on a workday',
      { start: '2025-08-01', rule: { unit: 'calendarDay', amount: 60 } },
      '2025-09-30',
    ],
    [
      '60 日 + 30 日 extension',
      { start: '2025-08-01', rule: { unit: 'calendarDay', amount: 60 }, extensions: [{ amount: 30 }] },
      '2025-10-30',
    ],
    // 民法典 第二百零三条: the 60th day 2025-10-02 is 国庆 → the day after the holiday ends.
    [
      '60 日 ending in 国庆',
      { start: '2025-08-03', rule: { unit: 'calendarDay', amount: 60 } },
      '2025-10-09',
    ],
    // 行政诉讼法 第四十五条 15 日: 2025-09-27 is a Saturday; 09-28(日) is a make-up workday.
    [
      '15 日 ending on a Saturday',
      { start: '2025-09-12', rule: { unit: 'calendarDay', amount: 15 } },
      '2025-09-28',
    ],
    [
      'roll-over switched off',
      { start: '2025-08-03', rule: { unit: 'calendarDay', amount: 60, rollOverRestDay: false } },
      '2025-10-02',
    ],
    // 行政诉讼法 第四十六条 六个月: 08-31 + 6 months = 2026-02-28, a Saturday worked for 春节: no roll-over.
    [
      '6 个月 ending on a make-up Saturday',
      { start: '2025-08-31', rule: { unit: 'month', amount: 6 } },
      '2026-02-28',
    ],
    ['6 个月 ending on 国庆', { start: '2025-04-01', rule: { unit: 'month', amount: 6 } }, '2025-10-09'],
    // 政府信息公开条例 第三十三条: 20 个工作日, extension ≤ 20 个工作日.
    ['20 个工作日', { start: '2025-09-22', rule: { unit: 'workday', amount: 20 } }, '2025-10-24'],
    [
      '20 + 20 个工作日',
      {
        start: '2025-09-22',
        rule: { unit: 'workday', amount: 20 },
        extensions: [{ amount: 20, reason: '经负责人同意' }],
      },
      '2025-11-21',
    ],
    // 政府信息公开条例 第三十三条第三款: consulting a third party does not count.
    [
      '20 个工作日 with third-party consultation',
      {
        start: '2025-09-22',
        rule: { unit: 'workday', amount: 20 },
        pauses: [{ from: '2025-10-13', to: '2025-10-17', reason: '征求第三方意见' }],
      },
      '2025-10-31',
    ],
    // 行政复议法 第三十九条 中止: 03-10…03-19 (10 days) do not count; without it the 60th day is
    // 05-02 (劳动节) → 05-06.
    ['60 日 without 中止', { start: '2025-03-03', rule: { unit: 'calendarDay', amount: 60 } }, '2025-05-06'],
    [
      '60 日 with 10 days of 中止',
      {
        start: '2025-03-03',
        rule: { unit: 'calendarDay', amount: 60 },
        pauses: [{ from: '2025-03-10', to: '2025-03-19', reason: '中止' }],
      },
      '2025-05-12',
    ],
    [
      'overlapping pauses count once',
      {
        start: '2025-03-03',
        rule: { unit: 'calendarDay', amount: 60 },
        pauses: [
          { from: '2025-03-10', to: '2025-03-15' },
          { from: '2025-03-12', to: '2025-03-19' },
        ],
      },
      '2025-05-12',
    ],
    [
      'a pause after the period ended changes nothing',
      {
        start: '2025-09-22',
        rule: { unit: 'workday', amount: 20 },
        pauses: [{ from: '2025-11-01', to: '2025-11-05' }],
      },
      '2025-10-24',
    ],
  ])('%s', (_name, input, expected) => {
    expect(due(input)).toBe(expected);
  });

  it('reports the skipped days and the roll-over', () => {
    const d = computeDeadline(cal, {
      start: '2025-03-03',
      rule: { unit: 'calendarDay', amount: 60 },
      pauses: [{ from: '2025-03-10', to: '2025-03-19' }],
    });
    expect(d).toEqual({ start: '2025-03-03', due: '2025-05-12', totalAmount: 60, pausedDays: 10 });
    expect(
      computeDeadline(cal, { start: '2025-08-03', rule: { unit: 'calendarDay', amount: 60 } }),
    ).toMatchObject({
      due: '2025-10-09',
      rolledOverFrom: '2025-10-02',
    });
  });

  it('has no due date while a 中止 is still open', () => {
    const d = computeDeadline(cal, {
      start: '2025-03-03',
      rule: { unit: 'calendarDay', amount: 60 },
      pauses: [{ from: '2025-03-10', reason: '中止' }],
    });
    expect(d).toMatchObject({ due: null, pausedSince: '2025-03-10', pausedDays: 0 });
  });

  it('refuses a pause that ends before it starts and a negative amount', () => {
    expect(() =>
      due({
        start: '2025-03-03',
        rule: { unit: 'workday', amount: 5 },
        pauses: [{ from: '2025-03-10', to: '2025-03-09' }],
      }),
    ).toThrow(/结束日 2025-03-09 早于开始日 2025-03-10/);
    expect(() => due({ start: '2025-03-03', rule: { unit: 'workday', amount: -5 } })).toThrow(/期限规则无效/);
  });

  it('computes across an unpublished year by the statutory days off, flagged provisional', () => {
    // 全国年节及纪念日放假办法 第二条: 元旦 2027-01-01 is skipped; make-up days unknown
    const w = computeDeadline(cal, { start: '2026-12-05', rule: { unit: 'workday', amount: 20 } });
    expect(w.due).toBe('2027-01-04');
    expect(w.provisional).toMatch(/2027年的节假日安排尚未公布/);
    // 行政处罚法 第六十条 90 日 from 2026-11-10 ends 2027-02-08 (正月初三) → 民法典 第二百零三条 → 02-09
    const c = computeDeadline(cal, { start: '2026-11-10', rule: { unit: 'calendarDay', amount: 90 } });
    expect(c).toMatchObject({ due: '2027-02-09', rolledOverFrom: '2027-02-08' });
    expect(c.provisional).toBeTruthy();
    // within a published year: final
    expect(
      computeDeadline(cal, { start: '2026-03-02', rule: { unit: 'workday', amount: 20 } }).provisional,
    ).toBeUndefined();
    expect(() => due({ start: '2003-03-03', rule: { unit: 'workday', amount: 5 } })).toThrow(/2003年/);
  });
});

describe('due state (正常 / 临期 / 逾期)', () => {
  it.each([
    ['2025-10-16', '2025-10-12', 3, 'normal'],
    ['2025-10-16', '2025-10-13', 3, 'dueSoon'],
    ['2025-10-16', '2025-10-16', 3, 'dueSoon'], // due today is not overdue
    ['2025-10-16', '2025-10-16', 0, 'dueSoon'],
    ['2025-10-16', '2025-10-17', 3, 'overdue'],
    ['2026-01-01', '2025-12-31', 1, 'dueSoon'],
  ])('due %s, today %s, warn %i days → %s', (dueOn, today, warn, state) => {
    expect(dueState(dueOn, today, warn)).toBe(state);
  });
});
