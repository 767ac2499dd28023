import { z } from 'zod';

/**
 * Personal information in anything published. The sources say 隐去 (hide): 自然人的家庭住址、
 * 通信方式、身份证号码、银行账号, and the names of natural persons other than the punished party
 * (浙江省行政处罚结果信息网上公开暂行办法 第七条; 行政处罚法 第五十条; 个人信息保护法 第二十八条、
 * 第三十四条). So the default drops the value entirely. Partial masks ('110***********1234',
 * '138****5678') appear in no source: they are a product choice, off unless configured.
 */
export const SensitiveField = z.enum(['idNumber', 'phone', 'address', 'bankAccount', 'thirdPartyName']);
export type SensitiveField = z.infer<typeof SensitiveField>;

export const MaskMode = z.enum(['drop', 'partial']);
export type MaskMode = z.infer<typeof MaskMode>;

export const MaskPolicy = z.object({
  idNumber: MaskMode.default('drop'),
  phone: MaskMode.default('drop'),
  address: MaskMode.default('drop'),
  bankAccount: MaskMode.default('drop'),
  thirdPartyName: MaskMode.default('drop'),
});
export type MaskPolicy = z.infer<typeof MaskPolicy>;

export const DEFAULT_MASK_POLICY: MaskPolicy = MaskPolicy.parse({});

/** Every digit except the last `keep` becomes '*'; separators stay. */
function starDigits(value: string, keep: number): string {
  let digitsLeft = (value.match(/\d/g) ?? []).length;
  return value.replace(/\d/g, (d) => (digitsLeft-- > keep ? '*' : d));
}

/** Keeps the administrative prefix (省/市/区县) of an address. */
const ADDRESS_PREFIX =
  /^(?:[^省市区县旗盟]{1,8}?(?:省|自治区|特别行政区))?(?:[^省市区县旗盟]{1,8}?(?:市|自治州|盟|地区))?(?:[^省市区县旗盟]{1,8}?(?:区|县|旗|市))?/;

/** The partial form: '110***********1234', '138****5678', '张*', '浙江省杭州市西湖区****'. */
export function partialMask(field: SensitiveField, raw: string): string {
  const value = raw.trim();
  switch (field) {
    case 'idNumber': {
      const chars = Array.from(value);
      if (chars.length < 8) return '*'.repeat(chars.length);
      return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
    }
    case 'phone': {
      const m = /^(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})$/.exec(value);
      return m ? `${m[1]}****${m[2]}` : starDigits(value, 4);
    }
    case 'bankAccount':
      return starDigits(value, 4);
    case 'address': {
      const prefix = ADDRESS_PREFIX.exec(value)?.[0] ?? '';
      return `${prefix}****`;
    }
    case 'thirdPartyName': {
      const chars = Array.from(value);
      return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
    }
  }
}

/** The value to publish, or undefined when the policy drops it (the default). */
export function maskValue(
  field: SensitiveField,
  value: string | null | undefined,
  policy: MaskPolicy = DEFAULT_MASK_POLICY,
): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  return policy[field] === 'partial' ? partialMask(field, value) : undefined;
}

export type MaskedRecord<T> = { [K in keyof T]?: T[K] | string };

/**
 * A copy of `record` for publication: each key listed in `fields` is removed (drop) or replaced
 * by its partial mask; other keys are copied unchanged.
 */
export function maskRecord<T extends object>(
  record: T,
  fields: Partial<Record<keyof T, SensitiveField>>,
  policy: MaskPolicy = DEFAULT_MASK_POLICY,
): MaskedRecord<T> {
  const out: MaskedRecord<T> = { ...record };
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const field = fields[key];
    if (field === undefined) continue;
    const value = record[key];
    const masked = typeof value === 'string' ? maskValue(field, value, policy) : undefined;
    if (masked === undefined) delete out[key];
    else out[key] = masked;
  }
  return out;
}
