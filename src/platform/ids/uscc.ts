import { invalid } from '../errors.js';
import { pick, seededRandom } from './prng.js';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters —
 * 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码, 9–17 主体标识码(组织机构代码,
 * GB 11714), 18 校验码. The alphabet is the digits and the capitals without I, O, Z, S, V (31
 * characters, so they are not confused with 1, 0, 2, 5, U); the check character is computed
 * modulo 31 with weights 3^(i-1) mod 31.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccCheck = { ok: true; value: string } | { ok: false; reason: string };

/** The 18th character for the first 17. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`not a USCC character at ${i + 1}: ${first17[i]}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** Checks a code (spaces trimmed, letters upper-cased) and says in Chinese what is wrong. */
export function checkUscc(input: string): UsccCheck {
  const value = input.trim().toUpperCase();
  const chars = Array.from(value);
  if (chars.length !== 18) return { ok: false, reason: `统一社会信用代码应为18位,实际为${chars.length}位` };
  for (const [i, ch] of chars.entries()) {
    if (!USCC_CHARSET.includes(ch)) {
      return {
        ok: false,
        reason: `统一社会信用代码第${i + 1}位“${ch}”不是合法字符(只能是数字和除 I、O、Z、S、V 以外的大写字母)`,
      };
    }
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3—8位应为登记管理机关行政区划码(6位数字)' };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return {
      ok: false,
      reason: `统一社会信用代码校验码错误:第18位应为“${expected}”,实际为“${value[17]}”,请核对是否抄错`,
    };
  }
  return { ok: true, value };
}

export function isValidUscc(input: string): boolean {
  return checkUscc(input).ok;
}

/** The normalised code, or a DomainError naming `field`. */
export function parseUscc(input: string, field = 'uscc'): string {
  const result = checkUscc(input);
  if (!result.ok) throw invalid('uscc.invalid', result.reason, field);
  return result.value;
}

/** GB 11714 组织机构代码 check character for the 8-character body. */
function orgCodeCheckChar(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i] ?? '0', 36) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export interface UsccOptions {
  /** 登记管理机关行政区划码; default 330106 (杭州市西湖区). */
  regionCode?: string;
  /** 登记管理部门代码; default 9 (市场监管). */
  department?: string;
  /** 机构类别代码; default 1 (企业). */
  category?: string;
}

/** A valid code for demo data, the same for the same seed. */
export function generateUscc(seed: number, opts: UsccOptions = {}): string {
  const random = seededRandom(seed);
  const region = opts.regionCode ?? '330106';
  if (!/^\d{6}$/.test(region)) throw invalid('uscc.invalidRegion', '行政区划码应为6位数字', 'regionCode');
  const body = Array.from({ length: 8 }, () => pick(random, Array.from(USCC_CHARSET))).join('');
  const first17 = `${opts.department ?? '9'}${opts.category ?? '1'}${region}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
