import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { checkUscc, generateUscc, isValidUscc, parseUscc } from './uscc.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example in GB 32100-2015'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['914403001922038216', '华为技术有限公司 (all digits)'],
    ['91330100716105852F', '阿里巴巴(中国)有限公司'],
  ])('accepts %s (%s)', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalises case and surrounding spaces', () => {
    expect(parseUscc(' 91440300708461136t ')).toBe('91440300708461136T');
  });

  it.each([
    ['91350100M000100Y4', /应为18位,实际为17位/],
    ['91350100M000100Y433', /应为18位,实际为19位/],
    ['91350100MO00100Y43', /第10位“O”不是合法字符/],
    ['91350100M000100I43', /第16位“I”不是合法字符/],
    ['913501-0M000100Y43', /第7位“-”不是合法字符/],
    ['91A50100M000100Y43', /第3—8位应为登记管理机关行政区划码/],
    ['91350100M000100Y44', /校验码错误:第18位应为“3”,实际为“4”/],
    ['91440300708461163T', /校验码错误/], // two digits swapped
  ])('refuses %s with a reason', (code, reason) => {
    const result = checkUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('throws a DomainError naming the field', () => {
    let caught: unknown;
    try {
      parseUscc('91350100M000100Y44', 'party.uscc');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'uscc.invalid', details: { field: 'party.uscc' } });
  });

  it('generates valid, reproducible demo codes', () => {
    expect(generateUscc(42)).toBe(generateUscc(42));
    expect(generateUscc(42)).not.toBe(generateUscc(43));
    expect(generateUscc(7, { regionCode: '110105' }).slice(0, 8)).toBe('91110105');
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(isValidUscc(generateUscc(seed))).toBe(true);
      }),
    );
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (seed, pos, shift) => {
          const code = generateUscc(seed);
          const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
          const old = alphabet.indexOf(code[pos] ?? '');
          const changed = code.slice(0, pos) + alphabet[(old + shift) % 31] + code.slice(pos + 1);
          expect(isValidUscc(changed)).toBe(false);
        },
      ),
    );
  });
});
