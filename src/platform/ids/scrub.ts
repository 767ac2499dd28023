import { isValidIdNumber } from './id-number.js';

/**
 * Free text bound for publication (案情摘要, 处罚事实) can carry what RULES.md §2.4 says to hide
 * (隐去): ID numbers, phone numbers, bank accounts and the names of other natural persons. The
 * scrubber replaces them with a mark. It errs on the side of hiding: any run of 11 or more
 * digits goes (mobile numbers are 11, landlines with area code 11–12, ID numbers 15/18, bank
 * cards 16–19), so a long file number in the text goes too unless listed in `keep`.
 */
export const SCRUB_MARK = '***';

export type SensitiveSpanKind =
  | 'idNumber'
  | 'phone'
  | 'bankAccount'
  | 'longNumber'
  | 'knownSecret'
  | 'address';

export interface SensitiveSpan {
  start: number;
  end: number;
  kind: SensitiveSpanKind;
}

export interface ScrubOptions {
  /** Public values that must survive, e.g. the punished company's all-digit 统一社会信用代码. */
  keep?: readonly string[];
  /**
   * Also hide what reads as a natural person's address (RULES.md §2.4: 家庭住址 隐去): text after a
   * label (住址、家住、居住于、户籍地 …) up to the next punctuation, and street addresses that end in a
   * house number (…路 12 号, …村 3 组, …小区 5 栋 2 单元 301 室). Off for organisations, whose
   * registered 住所 is public.
   */
  addresses?: boolean;
}

const ADDRESS_PATTERNS: readonly RegExp[] = [
  /(?<=(?:家庭住址|现住址|住址|住所地|住所|家住|现住|居住于|居住在|住在|户籍地|户籍所在地)\s*[:：为是在于]?\s*)[^，,。;；、:：\s)）]{2,60}/g,
  /(?<=[在于至到住])[\u4e00-\u9fa5]{2,8}(?:省|市|州|县|区|旗|镇|乡|街道)[\u4e00-\u9fa5\d]{0,24}?(?:路|街|巷|道|弄|村|组|小区|社区|苑|花园)[\d一二三四五六七八九十百零〇]+(?:号|组|栋|幢|弄)(?:[\d一二三四五六七八九十]+(?:栋|幢|单元|楼|层|室|号))*/g,
];

/** Full-width digits, Ｘ/ｘ, the ideographic space and － map to ASCII one for one, so offsets match. */
function normalise(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58\u3000\uFF0D]/g, (ch) => {
    if (ch === '\u3000') return ' ';
    if (ch === '\uFF0D') return '-';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

const PATTERNS: readonly { kind: SensitiveSpanKind; re: RegExp }[] = [
  // A whole run of ≥ 11 digits (leftmost-longest, so always the complete run), with a trailing X.
  { kind: 'longNumber', re: /(?:\+?86[\s-]?)?\d{11,}[Xx]?/g },
  // Written in groups: 110101 19900307 777X, 138 1234 5678, 6222 0212 3456 7890 123.
  { kind: 'idNumber', re: /(?<!\d)\d{6}[\s-]\d{8}[\s-]\d{3}[\dXx](?!\d)/g },
  { kind: 'phone', re: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]\d{4}[\s-]\d{4}(?!\d)/g },
  { kind: 'bankAccount', re: /(?<!\d)\d{4}(?:[\s-]\d{4}){3,}(?:[\s-]\d{1,4})?(?!\d)/g },
  // Landlines with an area code: 0571-87654321, (0571)87654321, （010）12345678.
  { kind: 'phone', re: /(?:[(（]0\d{2,3}[)）]|(?<!\d)0\d{2,3}-)\s?\d{7,8}(?:-\d{1,6})?(?!\d)/g },
  // A number after a label, however short: 电话:87654321, 账号:1234 5678 9012.
  {
    kind: 'phone',
    re: /(?<=(?:电话|手机|手机号|联系电话|联系方式|传真|Tel|TEL|tel)\s*[:：]?\s*)\+?[\d()（）][\d()（）\s-]{5,}\d/g,
  },
  { kind: 'bankAccount', re: /(?<=(?:银行账号|银行卡号|账号|帐号|卡号)\s*[:：]?\s*)\d[\d\s-]{6,}\d/g },
];

/** Zero-width characters, word joiners and the BOM: invisible, so they never separate digits. */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/;
/** What people put between digit groups: spaces, dots, slashes, dashes, middle dots, commas, bars. */
const SEPARATOR = /[\s.\-/_·•・,，、|\\:：;；~～]/;
/** Separators longer than this between two digits end the number. */
const MAX_SEPARATOR_RUN = 3;

/**
 * The text with separators and invisible characters between digits removed (issue #10 D7:
 * 532502.19900101.1235, 138.1234.5678, 137/1234/5678, digits split by zero-width spaces), and
 * for each character of the result its offset in `text`, so spans map back.
 */
function compactDigits(text: string): { probe: string; at: number[] } {
  let probe = '';
  const at: number[] = [];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const between = (c: string) => INVISIBLE.test(c) || SEPARATOR.test(c);
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (between(c) && isDigit(probe.at(-1))) {
      let j = i;
      let visible = 0;
      for (; j < text.length && between(text[j] as string); j++)
        if (!INVISIBLE.test(text[j] as string)) visible++;
      if ((isDigit(text[j]) || text[j] === 'X' || text[j] === 'x') && visible <= MAX_SEPARATOR_RUN) {
        i = j - 1;
        continue;
      }
    }
    if (INVISIBLE.test(c)) continue;
    probe += c;
    at.push(i);
  }
  return { probe, at };
}

/** A run of digits that has an ID number or a mobile number inside it (numbers written side by side). */
function holdsPersonalNumber(digits: string): boolean {
  if (/1[3-9]\d{9}/.test(digits)) return true;
  for (let i = 0; i + 18 <= digits.length; i++) if (isValidIdNumber(digits.slice(i, i + 18))) return true;
  return false;
}

function classify(digits: string, kind: SensitiveSpanKind): SensitiveSpanKind {
  if (kind !== 'longNumber') return kind;
  const bare = digits.replace(/^\+?86[\s-]?(?=1)/, '');
  if (/^\d{17}[\dXx]$/.test(bare) && isValidIdNumber(bare)) return 'idNumber';
  if (/^1[3-9]\d{9}$/.test(bare)) return 'phone';
  return 'longNumber';
}

/** Where the sensitive substrings are, merged and sorted (for review screens and scrubText). */
export function findSensitiveSpans(
  text: string,
  knownSecrets: readonly string[] = [],
  opts: ScrubOptions = {},
): SensitiveSpan[] {
  const probe = normalise(text);
  const keep = new Set((opts.keep ?? []).map((k) => normalise(k.trim())));
  const spans: SensitiveSpan[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of probe.matchAll(re)) {
      if (keep.has(m[0])) continue;
      spans.push({ start: m.index, end: m.index + m[0].length, kind: classify(m[0], kind) });
    }
  }
  // the same numbers written with separators or invisible characters between their digits:
  // only what is recognisably an ID number or a mobile, so dates and amounts stay readable
  const compact = compactDigits(probe);
  if (compact.probe !== probe) {
    for (const m of compact.probe.matchAll(/(?:\+?86)?\d{11,}[Xx]?/g)) {
      const kind = classify(m[0], 'longNumber');
      if (keep.has(m[0]) || (kind === 'longNumber' && !holdsPersonalNumber(m[0]))) continue;
      const digitsAt = compact.at.slice(m.index, m.index + m[0].length);
      // already hidden digit by digit by the plain patterns (numbers merely side by side): keep their kinds
      if (digitsAt.every((i) => spans.some((sp) => sp.start <= i && i < sp.end))) continue;
      const start = digitsAt[0] ?? 0;
      const end = (digitsAt.at(-1) ?? start) + 1;
      spans.push({ start, end, kind: kind === 'longNumber' ? 'idNumber' : kind });
    }
  }
  if (opts.addresses) {
    for (const re of ADDRESS_PATTERNS) {
      for (const m of text.matchAll(re))
        spans.push({ start: m.index, end: m.index + m[0].length, kind: 'address' });
    }
  }
  // Longest first, so a full name is hidden rather than a shorter name inside it.
  const secrets = [...new Set(knownSecrets.map((s) => s.trim()))]
    .filter((s) => s.length >= 2) // a one-character "secret" would blank out ordinary words
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length)) {
      spans.push({ start: at, end: at + secret.length, kind: 'knownSecret' });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SensitiveSpan[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * `text` with ID-number-like, phone-like and bank-account-like substrings and the given
 * `knownSecrets` (names, addresses of third parties) replaced by SCRUB_MARK. The mark has no
 * digits, so no new number can form where two pieces meet.
 */
export function scrubText(
  text: string,
  knownSecrets: readonly string[] = [],
  opts: ScrubOptions = {},
): string {
  let out = '';
  let at = 0;
  for (const span of findSensitiveSpans(text, knownSecrets, opts)) {
    out += text.slice(at, span.start) + SCRUB_MARK;
    at = span.end;
  }
  return out + text.slice(at);
}
