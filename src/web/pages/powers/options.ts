import type {
  approvalLevelLabels,
  circumstanceLabels,
  fineUnitLabels,
  leniencyKindLabels,
  matterLevelLabels,
} from '../../../domains/powers/schema.js';
import { optionsOf } from '../../components/options.js';

/**
 * Chinese labels of the lists' enums for forms and filters: the server's schema.ts labels, imported
 * type-only (no zod in the bundle), so a copy that drifts fails the type check. 倍 is explained
 * further here (违法所得、货值金额等).
 */

export const approvalLevelOptions = optionsOf({
  national: '国家级',
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡级',
} satisfies typeof approvalLevelLabels);
export const matterLevelOptions = optionsOf({
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡镇(街道)',
} satisfies typeof matterLevelLabels);
export const leniencyKindOptions = optionsOf({
  noPenalty: '不予处罚',
  lighterPenalty: '从轻处罚',
  reducedPenalty: '减轻处罚',
  noCoercion: '免予行政强制',
} satisfies typeof leniencyKindLabels);
export const circumstanceOptions = optionsOf({
  minor: '轻微',
  general: '一般',
  serious: '较重',
  grave: '严重',
} satisfies typeof circumstanceLabels);
export const statusOptions = optionsOf({ active: '有效', repealed: '已取消' });
export const fineUnitOptions = optionsOf({
  yuan: '元',
  multiple: '倍(违法所得、货值金额等)',
} satisfies Record<keyof typeof fineUnitLabels, string>);

/** '' → undefined, for optional text fields. */
export const orUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
