import { describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../../../platform/ids/index.js';
import type { CaseImportRow } from './columns.js';
import { checkHistoricalRow, historicalLog } from './rules.js';
import { deriveStatus } from '../rules.js';

const TODAY = '2025-06-16';
const penalty: CaseImportRow = {
  caseNo: 'H-1',
  category: 'penalty',
  bodyName: '开远市市场监督管理局',
  orgName: '开远市市场监督管理局',
  procedure: 'ordinary',
  partyKind: 'organisation',
  partyName: '开远市某某有限公司',
  partyCode: null,
  facts: '销售过期食品',
  powerItemCode: null,
  certificate1: 'A1',
  certificate2: 'A2',
  openedOn: '2024-03-01',
  decidedOn: '2024-05-10',
  servedOn: '2024-05-13',
  closedOn: '2024-06-20',
  penalties: ['warning', 'fine'],
  amount: '5000.00',
  major: false,
  reviewed: true,
  decisionNo: null,
};
const summary: CaseImportRow = {
  ...penalty,
  procedure: 'summary',
  partyKind: 'person',
  openedOn: '2024-04-02',
  decidedOn: '2024-04-02',
  servedOn: '2024-04-02',
  closedOn: '2024-04-02',
  penalties: ['fine'],
  amount: '100.00',
  reviewed: false,
};
const license: CaseImportRow = {
  ...penalty,
  category: 'license',
  servedOn: null,
  penalties: null,
  amount: null,
  reviewed: false,
};

describe('checkHistoricalRow', () => {
  const cases: [string, CaseImportRow, [string, string][]][] = [
    ['a decided, served, closed penalty case', penalty, []],
    ['a summary case', summary, []],
    ['a license case', license, []],
    [
      'a case closed without decision (不予处罚)',
      { ...penalty, decidedOn: null, servedOn: null, penalties: null, amount: null },
      [],
    ],
    ['a decision before 立案', { ...penalty, decidedOn: '2024-02-01' }, [['decidedOn', '早于立案日期']]],
    ['结案 before 送达', { ...penalty, closedOn: '2024-05-12' }, [['closedOn', '早于送达日期']]],
    ['a date after today', { ...penalty, closedOn: '2025-07-01' }, [['closedOn', '晚于今天']]],
    ['a fine without amount', { ...penalty, amount: null }, [['amount', '罚款金额']]],
    ['an amount without fine', { ...penalty, penalties: ['warning'] }, [['amount', '罚款金额']]],
    ['a negative amount', { ...penalty, amount: '-1.00' }, [['amount', '0 至 100 亿元']]],
    [
      'a decided penalty without 处罚种类',
      { ...penalty, penalties: null, amount: null },
      [['penalties', '处罚种类']],
    ],
    ['an ordinary decision never served', { ...penalty, servedOn: null }, [['servedOn', '送达日期']]],
    [
      'a summary fine over 200 元 for a person (art. 51)',
      { ...summary, amount: '300.00' },
      [['amount', '200']],
    ],
    [
      'a summary decision on another day than 立案',
      { ...summary, decidedOn: '2024-04-03', servedOn: '2024-04-03', closedOn: '2024-04-03' },
      [['decidedOn', '立案日期相同']],
    ],
    ['a summary license case', { ...license, procedure: 'summary' }, [['procedure', '行政处罚']]],
    ['penalties on a license case', { ...license, penalties: ['warning'] }, [['penalties', '行政处罚']]],
    ['one officer twice (art. 42)', { ...penalty, certificate2: 'A1' }, [['certificate2', '不得少于两人']]],
    ['a bad USCC', { ...penalty, partyCode: '91532502MA6K000000' }, [['partyCode', '统一社会信用代码']]],
    ['a bad ID number', { ...summary, partyCode: '532502199001011234' }, [['partyCode', '校验码']]],
    ['a good ID number', { ...summary, partyCode: demoIdNumber(3, '532502') }, []],
  ];
  it.each(cases)('%s', (_name, row, expected) => {
    const got = checkHistoricalRow(row, TODAY);
    expect(got.map((p) => p.column)).toEqual(expected.map(([c]) => c));
    for (const [i, [, text]] of expected.entries()) expect(got[i]?.message).toContain(text);
  });
});

describe('historicalLog', () => {
  const cases: [string, CaseImportRow, string[]][] = [
    [
      'a reviewed penalty case',
      penalty,
      ['open', 'notify', 'submitReview', 'passReview', 'decide', 'serve', 'execute', 'close'],
    ],
    [
      'an unreviewed penalty case',
      { ...penalty, reviewed: false },
      ['open', 'notify', 'decide', 'serve', 'execute', 'close'],
    ],
    ['a summary case (art. 52)', summary, ['onTheSpot', 'execute', 'close']],
    [
      '不予处罚',
      { ...penalty, decidedOn: null, servedOn: null, penalties: null, amount: null },
      ['open', 'terminate'],
    ],
    ['a license case (许可法 art. 32, 34, 44)', license, ['apply', 'accept', 'grant', 'issue', 'close']],
    ['a license application not accepted', { ...license, decidedOn: null }, ['apply', 'rejectApplication']],
    [
      'a coercion case (强制法 art. 27)',
      { ...license, category: 'coercion' },
      ['open', 'seize', 'dispose', 'serve', 'close'],
    ],
    [
      'an inspection case (generic)',
      { ...license, category: 'inspection' },
      ['open', 'decide', 'serve', 'close'],
    ],
    [
      'an inspection case closed without a decision',
      { ...license, category: 'inspection', decidedOn: null },
      ['open', 'terminate'],
    ],
  ];
  it.each(cases)('%s ends closed through the action table', (_name, row, acts) => {
    const h = historicalLog(row, 'u1');
    expect(h.log.map((a) => a.action)).toEqual(acts);
    expect(deriveStatus(h.log, h.procedure)).toBe('closed');
    const dates = h.log.map((a) => a.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('a license log is not a valid penalty log (the generic table is its own)', () => {
    expect(() => deriveStatus(historicalLog(license, null).log)).toThrow();
  });
});
