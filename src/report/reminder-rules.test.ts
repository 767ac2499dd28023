import { describe, expect, it } from 'vitest';
import { annualReportReminder, disclosureReportReminder, type ReportStage } from './reminder-rules.js';

/**
 * 厅字〔2019〕28号 (法治政府建设与责任落实督察工作规定): 县级以上政府部门 report on last year by
 * 3月1日; every report is made public by 4月1日. 临期 = within 30 days.
 */
const cases: [string, ReportStage, string, ReturnType<typeof annualReportReminder>][] = [
  // department, nothing filed
  ['department', 'none', '2027-01-15', null],
  ['department', 'none', '2027-01-30', { kind: 'submit', year: 2026, due: '2027-03-01', state: 'dueSoon' }],
  ['department', 'draft', '2027-03-01', { kind: 'submit', year: 2026, due: '2027-03-01', state: 'dueSoon' }],
  ['department', 'draft', '2027-03-02', { kind: 'submit', year: 2026, due: '2027-03-01', state: 'overdue' }],
  ['agency', 'none', '2027-03-02', { kind: 'submit', year: 2026, due: '2027-03-01', state: 'overdue' }],
  // department, filed: the public date is next
  ['department', 'review', '2027-02-20', null],
  [
    'department',
    'review',
    '2027-03-05',
    { kind: 'publish', year: 2026, due: '2027-04-01', state: 'dueSoon' },
  ],
  [
    'department',
    'approved',
    '2027-04-02',
    { kind: 'publish', year: 2026, due: '2027-04-01', state: 'overdue' },
  ],
  ['department', 'published', '2027-04-02', null],
  // governments: made public by 4月1日
  ['government', 'none', '2027-02-20', null],
  ['government', 'draft', '2027-03-02', { kind: 'publish', year: 2026, due: '2027-04-01', state: 'dueSoon' }],
  ['township', 'none', '2027-04-01', { kind: 'publish', year: 2026, due: '2027-04-01', state: 'dueSoon' }],
  [
    'subdistrict',
    'review',
    '2027-04-02',
    { kind: 'publish', year: 2026, due: '2027-04-01', state: 'overdue' },
  ],
  ['government', 'published', '2027-05-01', null],
  // leap year: 29 days of February still count as calendar days
  ['department', 'none', '2028-01-31', { kind: 'submit', year: 2027, due: '2028-03-01', state: 'dueSoon' }],
  ['department', 'none', '2028-01-30', null],
  // units that make no such report
  ['court', 'none', '2027-04-02', null],
  ['justiceOffice', 'none', '2027-04-02', null],
];

describe('annualReportReminder (厅字〔2019〕28号)', () => {
  it.each(cases)('%s, report %s, on %s', (kind, stage, today, expected) => {
    expect(annualReportReminder(kind, stage, today)).toEqual(expected);
  });

  it('warns earlier when the county sets a longer lead', () => {
    expect(annualReportReminder('department', 'none', '2027-01-15', 45)?.state).toBe('dueSoon');
  });
});

/**
 * 政府信息公开条例 第四十九条: 县级以上人民政府部门 submit (and publish) the report on last year by
 * 1月31日; the 本级政府's report is published by 3月31日. 临期 = within 15 days.
 */
const disclosureCases: [
  string,
  { submittedOn: string | null; publishedOn: string | null },
  string,
  ReturnType<typeof disclosureReportReminder>,
][] = [
  ['department', { submittedOn: null, publishedOn: null }, '2027-01-10', null],
  [
    'department',
    { submittedOn: null, publishedOn: null },
    '2027-01-20',
    { kind: 'submit', year: 2026, due: '2027-01-31', state: 'dueSoon' },
  ],
  [
    'township',
    { submittedOn: null, publishedOn: null },
    '2027-02-01',
    { kind: 'submit', year: 2026, due: '2027-01-31', state: 'overdue' },
  ],
  [
    'department',
    { submittedOn: '2027-01-25', publishedOn: null },
    '2027-02-03',
    { kind: 'publish', year: 2026, due: '2027-01-31', state: 'overdue' },
  ],
  ['department', { submittedOn: '2027-01-25', publishedOn: '2027-01-28' }, '2027-02-03', null],
  ['government', { submittedOn: null, publishedOn: null }, '2027-03-01', null],
  [
    'government',
    { submittedOn: null, publishedOn: null },
    '2027-03-20',
    { kind: 'publish', year: 2026, due: '2027-03-31', state: 'dueSoon' },
  ],
  [
    'government',
    { submittedOn: null, publishedOn: null },
    '2027-04-01',
    { kind: 'publish', year: 2026, due: '2027-03-31', state: 'overdue' },
  ],
  ['government', { submittedOn: null, publishedOn: '2027-03-30' }, '2027-04-01', null],
  // 村委会 and the like make no report
  ['village', { submittedOn: null, publishedOn: null }, '2027-02-01', null],
];

describe('政务公开年报 reminders (政府信息公开条例 第四十九条)', () => {
  it.each(disclosureCases)('%s %o on %s', (kind, marks, today, expected) => {
    expect(disclosureReportReminder(kind, marks, today)).toEqual(expected);
  });
});
