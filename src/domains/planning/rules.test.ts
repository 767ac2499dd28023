import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { answerRefusal, checkFigure, inItemUnit, submissionActions, submissionAllows } from './rules.js';
import { SubmissionStatus } from './schema.js';
import { errorCodeOfCall } from '../../test/ctx.js';

const reported = (unit: string) => ({ name: '行政复议申请收到数', unit, source: 'reported' as const });

describe('checkFigure: a filed figure is non-negative and in the declared unit', () => {
  it.each([
    ['a whole count in the declared unit', reported('件'), { value: 28, unit: '件' }, 'ok'],
    ['zero is a figure, not a gap', reported('件'), { value: 0, unit: '件' }, 'ok'],
    ['a rate with decimals', reported('%'), { value: 11.11, unit: '%' }, 'ok'],
    ['an amount with decimals', reported('万元'), { value: 12.5, unit: '万元' }, 'ok'],
    ['the wrong unit', reported('件'), { value: 28, unit: '人' }, 'dataCall.wrongUnit'],
    ['a negative count', reported('件'), { value: -1, unit: '件' }, 'dataCall.negative'],
    ['a fractional count', reported('件'), { value: 2.5, unit: '件' }, 'dataCall.notWhole'],
    ['a rate above 100', reported('%'), { value: 101, unit: '%' }, 'dataCall.percentRange'],
    [
      'a computed figure (最多报一次)',
      { name: '采纳的数据填报份数', unit: '份', source: 'computed' as const },
      { value: 3, unit: '份' },
      'dataCall.computedItem',
    ],
  ])('%s', (_label, item, figure, code) => {
    expect(errorCodeOfCall(() => checkFigure(item, figure, 'figures.0'))).toBe(code);
  });

  it('names the field and the expected unit in Chinese', () => {
    try {
      checkFigure(reported('件'), { value: 3, unit: '人' }, 'figures.2');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).message).toContain('应为“件”');
      expect((e as DomainError).details.field).toBe('figures.2.unit');
    }
  });
});

describe('inItemUnit: 万 and 亿 converted on entry into the form’s unit', () => {
  it.each([
    ['万户 on a 户 line', '户', { value: 1.2, unit: '万户' }, { value: 12000, unit: '户' }],
    ['亿元 on a 万元 line', '万元', { value: 3.5, unit: '亿元' }, { value: 35000, unit: '万元' }],
    ['元 on a 万元 line', '万元', { value: 382100, unit: '元' }, { value: 38.21, unit: '万元' }],
    ['万件 on a 件 line', '件', { value: 4.1263, unit: '万件' }, { value: 41263, unit: '件' }],
    ['the form’s own unit', '件', { value: 28, unit: '件' }, { value: 28, unit: '件' }],
    ['another unit stays (and is refused)', '件', { value: 3, unit: '人' }, { value: 3, unit: '人' }],
    ['万 alone is not a unit of 件', '件', { value: 3, unit: '万' }, { value: 3, unit: '万' }],
  ])('%s', (_label, unit, figure, expected) => {
    expect(inItemUnit(unit, figure)).toEqual(expected);
  });

  it('a count filed in 万 must still come to a whole number', () => {
    const f = inItemUnit('件', { value: 1.23456, unit: '万件' });
    expect(errorCodeOfCall(() => checkFigure(reported('件'), f, 'figures.0'))).toBe('dataCall.notWhole');
  });
});

describe('answerRefusal: answers only while the call is open and not past its deadline', () => {
  it.each([
    ['draft', '2026-02-28', '2026-02-10', '尚未下发'],
    ['open', '2026-02-28', '2026-02-10', null],
    ['open', '2026-02-28', '2026-02-28', null], // the deadline day itself still counts
    ['open', '2026-02-28', '2026-03-01', '已于 2026-02-28 截止'],
    ['closed', '2026-02-28', '2026-02-10', '已关闭'],
  ] as const)('%s, deadline %s, today %s', (status, deadline, today, expected) => {
    const r = answerRefusal({ status, deadline }, today);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toContain(expected);
  });
});

describe('submission actions by status', () => {
  it('allows filling only before acceptance, review only after submission', () => {
    for (const s of SubmissionStatus.options) {
      expect(submissionAllows(s, 'fill')).toBe(s === 'pending' || s === 'returned');
      expect(submissionAllows(s, 'accept')).toBe(s === 'submitted');
      expect(submissionAllows(s, 'return')).toBe(s === 'submitted');
    }
    expect(submissionActions.accepted).toEqual([]);
  });
});
