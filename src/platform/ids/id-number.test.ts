import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import { DomainError } from '../errors.js';
import {
  checkIdNumber,
  demoIdNumber,
  generateIdNumber,
  isValidIdNumber,
  parseIdNumber,
} from './id-number.js';

const TODAY = '2025-06-30';

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the examples of GB 11643-1999 and reads what they encode', () => {
    expect(parseIdNumber('11010519491231002X', 'idNumber', TODAY)).toEqual({
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sequence: 2,
      sex: 'female',
    });
    expect(parseIdNumber('440524188001010014', 'idNumber', TODAY)).toMatchObject({
      birthDate: '1880-01-01',
      sex: 'male',
    });
    expect(parseIdNumber(' 11010519491231002x ', 'idNumber', TODAY).value).toBe('11010519491231002X');
  });

  it.each([
    ['11010519491231002', /应为18位,实际为17位/],
    ['110105491231002', /实际为15位\(15位为旧号码/],
    ['1101051949123100AX', /前17位应为数字/],
    ['11010519491231002Y', /第18位应为数字或 X/],
    ['99010519491231002X', /前两位“99”不是有效的省级行政区划代码/],
    ['110105199902300020', /出生日期“19990230”不是有效日期/],
    ['110105202601010028', /出生日期 2026-01-01 晚于今天/],
    ['110105194912310021', /校验码错误:第18位应为“X”,实际为“1”/],
    ['11010519491321002X', /出生日期“19491321”/],
  ])('refuses %s with a reason', (value, reason) => {
    const result = checkIdNumber(value, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('throws a DomainError naming the field', () => {
    expect(() => parseIdNumber('110105194912310021', 'party.idNumber', TODAY)).toThrow(DomainError);
    try {
      parseIdNumber('110105194912310021', 'party.idNumber', TODAY);
    } catch (err) {
      expect(err).toMatchObject({ code: 'idNumber.invalid', details: { field: 'party.idNumber' } });
    }
  });

  it('generates from parts, and parsing gives the parts back', () => {
    expect(generateIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 2 })).toBe(
      '11010519491231002X',
    );
    const parts = fc.record({
      regionCode: fc.constantFrom('110105', '330106', '440524', '650102', '810000'),
      birthDate: fc.integer({ min: 0, max: 36_000 }).map((n) => addDays('1920-01-01', n)),
      sequence: fc.integer({ min: 0, max: 999 }),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const info = parseIdNumber(generateIdNumber(p), 'idNumber', '2030-01-01');
        expect(info).toMatchObject(p);
        expect(info.sex).toBe(p.sequence % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('refuses bad parts', () => {
    expect(() => generateIdNumber({ regionCode: '990000', birthDate: '1990-01-01', sequence: 1 })).toThrow(
      /地址码/,
    );
    expect(() => generateIdNumber({ regionCode: '330106', birthDate: '1990-02-30', sequence: 1 })).toThrow(
      /出生日期/,
    );
    expect(() => generateIdNumber({ regionCode: '330106', birthDate: '1990-01-01', sequence: 1000 })).toThrow(
      /顺序码/,
    );
  });

  it('makes reproducible demo numbers', () => {
    expect(demoIdNumber(1)).toBe(demoIdNumber(1));
    expect(demoIdNumber(1)).not.toBe(demoIdNumber(2));
    expect(demoIdNumber(5, '110105').slice(0, 6)).toBe('110105');
    fc.assert(fc.property(fc.integer(), (seed) => isValidIdNumber(demoIdNumber(seed), TODAY)));
  });
});
