import { addDays, chinaDate, isLocalDate, type LocalDate } from '../calendar/index.js';
import { invalid } from '../errors.js';
import { pick, seededRandom } from './prng.js';

/**
 * 公民身份号码, GB 11643-1999: 6-digit 地址码 (GB/T 2260), 8-digit 出生日期码 YYYYMMDD, 3-digit
 * 顺序码 (odd for men, even for women), and a check character by ISO 7064 MOD 11-2 (X stands
 * for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes, plus 71 台湾 and 81/82/83 (港澳台居民居住证). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export interface IdNumberInfo {
  value: string;
  regionCode: string;
  birthDate: LocalDate;
  sequence: number;
  sex: 'male' | 'female';
}

export type IdNumberCheck = ({ ok: true } & IdNumberInfo) | { ok: false; reason: string };

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Checks a number (trimmed; a lower-case x accepted as X) and says in Chinese what is wrong.
 * `today` bounds the birth date (default: today in China).
 */
export function checkIdNumber(input: string, today: LocalDate = chinaDate(new Date())): IdNumberCheck {
  const value = input.trim().toUpperCase();
  const length = Array.from(value).length;
  if (length !== 18) {
    const hint = length === 15 ? '(15位为旧号码,请填写18位号码)' : '';
    return { ok: false, reason: `公民身份号码应为18位,实际为${length}位${hint}` };
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, reason: '公民身份号码前17位应为数字,第18位应为数字或 X' };
  }
  if (!PROVINCES.has(value.slice(0, 2))) {
    return { ok: false, reason: `公民身份号码前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码` };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isLocalDate(birthDate) || birthDate < '1800-01-01') {
    return { ok: false, reason: `公民身份号码第7—14位出生日期“${value.slice(6, 14)}”不是有效日期` };
  }
  if (birthDate > today) {
    return { ok: false, reason: `公民身份号码中的出生日期 ${birthDate} 晚于今天` };
  }
  const expected = idNumberCheckChar(value);
  if (value[17] !== expected) {
    return {
      ok: false,
      reason: `公民身份号码校验码错误:第18位应为“${expected}”,实际为“${value[17]}”,请核对是否抄错`,
    };
  }
  const sequence = Number(value.slice(14, 17));
  return {
    ok: true,
    value,
    regionCode: value.slice(0, 6),
    birthDate,
    sequence,
    sex: sequence % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(input: string, today?: LocalDate): boolean {
  return checkIdNumber(input, today).ok;
}

/** The normalised number with what it encodes, or a DomainError naming `field`. */
export function parseIdNumber(input: string, field = 'idNumber', today?: LocalDate): IdNumberInfo {
  const result = checkIdNumber(input, today);
  if (!result.ok) throw invalid('idNumber.invalid', result.reason, field);
  const { ok: _ok, ...info } = result;
  return info;
}

export interface IdNumberParts {
  regionCode: string;
  birthDate: LocalDate;
  /** 顺序码 0–999: odd for men, even for women. */
  sequence: number;
}

/** Builds a valid number from its parts (for demo data and tests). */
export function generateIdNumber(parts: IdNumberParts): string {
  if (!/^\d{6}$/.test(parts.regionCode) || !PROVINCES.has(parts.regionCode.slice(0, 2))) {
    throw invalid(
      'idNumber.invalidRegion',
      `地址码“${parts.regionCode}”应为有效的6位行政区划代码`,
      'regionCode',
    );
  }
  if (!isLocalDate(parts.birthDate)) {
    throw invalid('idNumber.invalidBirthDate', `出生日期“${parts.birthDate}”无效`, 'birthDate');
  }
  if (!Number.isInteger(parts.sequence) || parts.sequence < 0 || parts.sequence > 999) {
    throw invalid('idNumber.invalidSequence', '顺序码应为 0—999 的整数', 'sequence');
  }
  const first17 = `${parts.regionCode}${parts.birthDate.replaceAll('-', '')}${String(parts.sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const DEMO_REGIONS = ['330106', '330102', '330105', '330108', '330110', '330122'] as const;

/** A valid number for demo data, the same for the same seed: born 1950–2005. */
export function demoIdNumber(seed: number, regionCode?: string): string {
  const random = seededRandom(seed);
  const region = regionCode ?? pick(random, DEMO_REGIONS);
  const birthDate = addDays('1950-01-01', Math.floor(random() * 20_089)); // up to 2004-12-31
  return generateIdNumber({ regionCode: region, birthDate, sequence: Math.floor(random() * 1000) });
}
