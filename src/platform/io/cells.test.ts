import { describe, expect, it } from 'vitest';
import { dateFromExcelSerial, formatCell, formatText, parseCell, parseDate, parseDecimal } from './cells.js';
import { type AnyColumn, looseColumns } from './columns.js';
import { caseColumns } from './test-fixtures.js';

const col = (key: string): AnyColumn => {
  const c = looseColumns(caseColumns).find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    [' 2024-03-05 ', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['2024/3/5 14:30', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j as %s', (text, want) => {
    expect(parseDate(text)).toEqual({ ok: true, value: want });
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31'])('refuses the impossible date %s', (text) => {
    expect(parseDate(text)).toEqual({ ok: false, error: `“${text}”不是有效的日期` });
  });

  it.each(['05/03/2024', '去年', '20240305x', 'true'])('explains the accepted formats for %j', (text) => {
    const r = parseDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('YYYY-MM-DD');
  });

  it('reads an Excel date cell by its UTC calendar day, whatever the server time zone', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 5)))).toEqual({ ok: true, value: '2024-03-05' });
    // A date-time cell keeps its day.
    expect(parseDate(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('reads a bare Excel serial number (a date cell whose style was lost)', () => {
    expect(dateFromExcelSerial(45356)).toBe('2024-03-05');
    expect(parseDate(45356.75)).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate(12).ok).toBe(false);
  });
});

describe('numbers', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['1,234.5', '1234.50'],
    ['００12.30', '12.30'],
    ['-0.00', '0.00'],
    ['+7', '7.00'],
    ['.5', '0.50'],
  ])('decimal %j with scale 2 is %s', (text, want) => {
    expect(parseDecimal(text, 2)).toEqual({ ok: true, value: want });
  });

  it('cleans binary noise from numeric cells', () => {
    expect(parseDecimal(0.1 + 0.2, 2)).toEqual({ ok: true, value: '0.30' });
    expect(parseDecimal(1234.5)).toEqual({ ok: true, value: '1234.5' });
  });

  it('refuses more decimals than the scale and non-numbers', () => {
    expect(parseDecimal('1.234', 2)).toEqual({ ok: false, error: '小数位数不能超过 2 位' });
    expect(parseDecimal('一百', 2)).toEqual({ ok: false, error: '应为数字' });
    expect(parseDecimal('.', 2)).toEqual({ ok: false, error: '应为数字' });
  });

  it('reads integers and refuses fractions', () => {
    expect(parseCell(col('persons'), '12')).toEqual({ ok: true, value: 12 });
    expect(parseCell(col('persons'), 12)).toEqual({ ok: true, value: 12 });
    expect(parseCell(col('persons'), '1.5')).toEqual({ ok: false, error: '应为整数' });
    expect(parseCell(col('persons'), 'abc')).toEqual({ ok: false, error: '应为整数' });
  });

  it('applies the zod schema with its Chinese message', () => {
    expect(parseCell(col('persons'), 0)).toEqual({ ok: false, error: '涉案人数至少为 1' });
  });
});

describe('text, enum and yes/no', () => {
  it('spots an identity number Excel has already turned into a float', () => {
    const r = parseCell(col('caseNo'), 110101199003077000);
    expect(r.ok).toBe(false);
    const s = parseCell(col('caseNo'), '1.10101E+17');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error).toContain('文本');
  });

  it('counts characters, not bytes, for the length limit', () => {
    expect(parseCell(col('caseNo'), '案'.repeat(30)).ok).toBe(true);
    expect(parseCell(col('caseNo'), '案'.repeat(31))).toEqual({
      ok: false,
      error: '不能超过 30 个字(现有 31 个)',
    });
  });

  it('reads enum labels and codes, and lists the labels when neither matches', () => {
    expect(parseCell(col('category'), '行政强制')).toEqual({ ok: true, value: 'coercion' });
    expect(parseCell(col('category'), 'coercion')).toEqual({ ok: true, value: 'coercion' });
    expect(parseCell(col('category'), '行政许可')).toEqual({
      ok: false,
      error: '“行政许可”不是可选值,应为:行政处罚、行政强制、行政检查',
    });
  });

  it.each([
    ['是', true],
    ['否', false],
    ['TRUE', true],
    [false, false],
    [1, true],
  ] as const)('reads yes/no %j', (cell, want) => {
    expect(parseCell(col('major'), cell)).toEqual({ ok: true, value: want });
  });

  it('formats values for .xlsx and CSV the way the importer reads them back', () => {
    const row = { category: 'inspection', major: true, decidedOn: '2024-03-05', amount: '1200.50' };
    expect(formatCell(col('category'), 'inspection', row)).toBe('行政检查');
    expect(formatCell(col('major'), true, row)).toBe('是');
    expect(formatCell(col('decidedOn'), '2024-03-05', row)).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(formatCell(col('amount'), '1200.50', row)).toBe(1200.5);
    expect(formatCell(col('amount'), '12345678901234567.89', row)).toBe('12345678901234567.89');
    expect(formatText(col('decidedOn'), '2024-03-05', row)).toBe('2024-03-05');
    expect(formatText(col('note'), null, row)).toBe('');
  });
});
