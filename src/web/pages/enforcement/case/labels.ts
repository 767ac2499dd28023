import {
  disposalLabels,
  penaltyKindLabels,
  revocationLabels,
} from '../../../../domains/enforcement/cases/labels.js';
import { powerCategoryLabels } from '../../../../domains/enforcement/power-list/labels.js';
import { optionsOf } from '../../../components/options.js';

/** Chinese labels the case forms show: the server's own tables (cases/labels.ts, free of zod) where it has them. */

/** 行政处罚的种类 (行政处罚法 第九条) */
export const penaltyOptions = optionsOf(penaltyKindLabels);

export const penaltyLabel = (kind: string) => penaltyOptions.find((o) => o.value === kind)?.label ?? kind;

/** Case categories by the 权责清单 (GLOSSARY: powerItem category), in the order the forms list them. */
export const categoryOptions = (
  [
    'penalty',
    'license',
    'coercion',
    'inspection',
    'levy',
    'benefit',
    'confirmation',
    'reward',
    'adjudication',
    'other',
  ] as const
).map((value) => ({ value, label: powerCategoryLabels[value] }));

/** 行政强制法 第二十七条: what a 处理决定 does with seized property. */
export const disposalOptions = optionsOf(disposalLabels);

/** How a decision is undone (行政处罚法 第四十八条 / 行政复议法 第六十四条). */
export const revocationOptions = optionsOf(revocationLabels);

export const recordKindLabels = { document: '文字记录', audioVideo: '音像记录' } as const;
