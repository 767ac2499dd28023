import { z } from 'zod';
import { Int32, labelledEnum, Text, Id } from '../../../platform/validation.js';
import { powerCategoryLabels } from './labels.js';

export { powerCategoryLabels } from './labels.js';

export const PowerCategory = labelledEnum(powerCategoryLabels);
export type PowerCategory = z.infer<typeof PowerCategory>;

export const powerStatusLabels = { active: '有效', repealed: '已取消' } as const;
export const PowerStatus = labelledEnum(powerStatusLabels);
export type PowerStatus = z.infer<typeof PowerStatus>;

export const powerChangeLabels = { create: '新增', amend: '变更', repeal: '取消' } as const;
export const PowerChange = labelledEnum(powerChangeLabels);
export type PowerChange = z.infer<typeof PowerChange>;

/** The law's title, stored without 《》 (they are added when shown). */
export const LawName = z
  .string()
  .trim()
  .transform((s) => s.replace(/^《|》$/g, ''))
  .pipe(
    z
      .string()
      .min(2, '法律依据不能为空')
      .max(100, '法律名称不能超过 100 个字符')
      .regex(/^[^《》]+$/, '法律名称中不能含有书名号'),
  );

const NUM = '[一二三四五六七八九十百千零〇0-9]+';
/** '第一百二十四条', optionally with 款 and 项: the article cited as the basis. */
export const Article = z
  .string()
  .trim()
  .regex(
    new RegExp(`^第${NUM}条(第${NUM}款)?(第${NUM}项|第?[（(]${NUM}[)）]项?)?$`),
    '条款应写作“第X条”,可带“第X款”“第X项”',
  );

const itemFields = {
  category: PowerCategory,
  name: Text(200).min(2, '事项名称至少 2 个字'),
  lawName: LawName,
  article: Article,
  basisNote: Text(2000, { lines: true }).optional(),
  accountability: Text(2000, { lines: true }).optional(),
};

export const CreatePowerItemInput = z.strictObject({
  orgId: Id,
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{3,40}$/, '事项编码应为 3–40 位字母、数字或连字符'),
  ...itemFields,
});
export type CreatePowerItemInput = z.infer<typeof CreatePowerItemInput>;

export const AmendPowerItemInput = z.strictObject({
  version: Int32.min(1),
  reason: Text(500, { lines: true }).min(2, '请写明变更理由'),
  category: itemFields.category.optional(),
  name: itemFields.name.optional(),
  lawName: LawName.optional(),
  article: Article.optional(),
  basisNote: itemFields.basisNote,
  accountability: itemFields.accountability,
});

export const RepealPowerItemInput = z.strictObject({
  version: Int32.min(1),
  reason: Text(500, { lines: true }).min(2, '请写明取消理由'),
});

export interface PowerItem {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  code: string;
  category: PowerCategory;
  categoryLabel: string;
  name: string;
  lawName: string;
  article: string;
  /** 《law》article, as printed */
  basis: string;
  basisNote: string;
  accountability: string;
  status: PowerStatus;
  revision: number;
  version: number;
}

export interface PowerItemRevision {
  revision: number;
  change: PowerChange;
  changeLabel: string;
  reason: string;
  snapshot: unknown;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
}

/** Chinese numerals for article numbers as statutes print them (1–9999): 124 → 一百二十四. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumber: ${n}`);
  const digits = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : digits[d]) + unit;
  });
  return out;
}

export function articleName(n: number): string {
  return `第${chineseNumber(n)}条`;
}
