import { z } from 'zod';
import { Int32, labelledEnum, Text, Id } from '../../platform/validation.js';
import {
  LawName,
  PowerChange as ListChange,
  PowerStatus as ListStatus,
  powerChangeLabels as listChangeLabels,
  powerStatusLabels as listStatusLabels,
} from '../enforcement/power-list/schema.js';

/** The four lists of this domain, as revisions and routes name them. */
export const listTitles = {
  license: '行政许可事项清单',
  matter: '执法事项',
  leniency: '包容审慎监管“四张清单”',
  discretion: '行政处罚裁量权基准',
} as const;
export const ListKey = labelledEnum(listTitles);
export type ListKey = z.infer<typeof ListKey>;

/** An entry's status and its revisions' kinds are the 权责清单's: one vocabulary of a versioned list. */
export { ListChange, ListStatus, listChangeLabels, listStatusLabels };

/** 审批层级 of a license item. */
export const approvalLevelLabels = {
  national: '国家级',
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡级',
} as const;
export const ApprovalLevel = labelledEnum(approvalLevelLabels);
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

/** 执法层级 of an enforcement matter. */
export const matterLevelLabels = {
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡镇(街道)',
} as const;
export const MatterLevel = labelledEnum(matterLevelLabels);
export type MatterLevel = z.infer<typeof MatterLevel>;

/** 包容审慎监管“四张清单” (GLOSSARY leniencyList). */
export const leniencyKindLabels = {
  noPenalty: '不予处罚',
  lighterPenalty: '从轻处罚',
  reducedPenalty: '减轻处罚',
  noCoercion: '免予行政强制',
} as const;
export const LeniencyKind = labelledEnum(leniencyKindLabels);
export type LeniencyKind = z.infer<typeof LeniencyKind>;

/** 违法情节 of a discretion standard, from the lightest. */
export const circumstanceLabels = {
  minor: '轻微',
  general: '一般',
  serious: '较重',
  grave: '严重',
} as const;
export const Circumstance = labelledEnum(circumstanceLabels);
export type Circumstance = z.infer<typeof Circumstance>;

/** A fine range in yuan, or in multiples of a base (违法所得、货值金额 …). */
export const fineUnitLabels = { yuan: '元', multiple: '倍' } as const;
export const FineUnit = labelledEnum(fineUnitLabels);
export type FineUnit = z.infer<typeof FineUnit>;

/** The law's title, stored without 《》: the same rule as the 权责清单's (one schema for both). */
export { LawName };

const NUM = '[一二三四五六七八九十百千零〇0-9]+';
/**
 * The article cited: '第一百二十四条', optionally with 款 and 项 — or, for the items of the
 * 国务院对确需保留的行政审批项目设定行政许可的决定, the item '第一百零一项'.
 */
export const Article = z
  .string()
  .trim()
  .regex(
    new RegExp(`^(第${NUM}条(第${NUM}款)?(第${NUM}项|第?[（(]${NUM}[)）]项?)?|(附件)?第${NUM}项)$`),
    '条款应写作“第X条”,可带“第X款”“第X项”(国务院决定所列事项写作“第X项”)',
  );

export const ItemCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{3,40}$/, '编码应为 3–40 位字母、数字或连字符');

const text = (max: number, min = 0, message = '不能为空') =>
  Text(max, { lines: max >= 500 }).min(min, message);
const days = z
  .number('请填写工作日数')
  .int('时限应为整数个工作日')
  .min(0, '时限不能为负')
  .max(365, '时限不能超过 365 个工作日');

export const Version = z.strictObject({
  version: Int32.min(1),
  reason: text(500, 2, '请写明变更理由(至少 2 个字)'),
});

export const LicenseFields = z.strictObject({
  orgId: Id,
  powerItemId: Id.nullable().optional(),
  code: ItemCode,
  name: text(200, 2, '事项名称至少 2 个字'),
  subItem: text(200).optional(),
  implementingOrg: text(100, 2, '请填写实施机关'),
  lawName: LawName,
  article: Article,
  implementationBasis: text(2000).optional(),
  approvalLevel: ApprovalLevel,
  statutoryDays: days,
  promisedDays: days,
  charges: z.boolean().optional(),
  feeNote: text(500).optional(),
  prerequisite: z.boolean().optional(),
  prerequisiteNote: text(500).optional(),
});
export type LicenseFields = z.infer<typeof LicenseFields>;

export const MatterFields = z.strictObject({
  powerItemId: Id,
  bodyId: Id,
  level: MatterLevel,
  entrusted: z.boolean().optional(),
  note: text(1000).optional(),
});
export type MatterFields = z.infer<typeof MatterFields>;

export const LeniencyFields = z.strictObject({
  orgId: Id,
  kind: LeniencyKind,
  powerItemId: Id.nullable().optional(),
  code: ItemCode,
  violation: text(500, 2, '请填写违法行为'),
  conditions: text(2000, 2, '请填写适用条件'),
  lawName: LawName,
  article: Article,
  outcome: text(500, 2, '请填写裁量结果'),
});
export type LeniencyFields = z.infer<typeof LeniencyFields>;

const amount = z.number('请填写数额').min(0, '数额不能为负').max(1e10, '数额过大');
export const DiscretionLevel = z.strictObject({
  circumstance: Circumstance,
  /** 具体情形: what makes a violation this grave */
  description: text(1000, 2, '请写明该情节的具体情形'),
  fineUnit: FineUnit.default('yuan'),
  /** null: no fine at this level (e.g. 轻微 → 不予处罚, or 警告 only) */
  fineMin: amount.nullable().default(null),
  fineMax: amount.nullable().default(null),
  otherPenalties: text(500).default(''),
});
export type DiscretionLevel = z.infer<typeof DiscretionLevel>;

export const DiscretionFields = z.strictObject({
  powerItemId: Id,
  code: ItemCode,
  violation: text(500, 2, '请填写违法行为'),
  lawName: LawName,
  article: Article,
  levels: z.array(DiscretionLevel).min(1, '至少给出一个情节的裁量幅度').max(4, '情节最多四档'),
});
export type DiscretionFields = z.infer<typeof DiscretionFields>;

/** Amendments: any field but the identity (org, code, the matter's item and body), with a reason. */
export const LicenseAmend = LicenseFields.omit({ orgId: true, code: true }).partial().extend(Version.shape);
export const MatterAmend = MatterFields.omit({ powerItemId: true, bodyId: true })
  .partial()
  .extend(Version.shape);
export const LeniencyAmend = LeniencyFields.omit({ orgId: true, code: true }).partial().extend(Version.shape);
export const DiscretionAmend = DiscretionFields.omit({ powerItemId: true, code: true })
  .partial()
  .extend(Version.shape);
export const RepealInput = Version;

export interface Revision {
  revision: number;
  change: ListChange;
  changeLabel: string;
  reason: string;
  snapshot: unknown;
  changedByName: string;
  changedAt: Date;
}

/** What every entry of the four lists shows. */
export interface ListEntryBase {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  status: ListStatus;
  statusLabel: string;
  revision: number;
  version: number;
  powerItemId: string | null;
  powerItemCode: string | null;
  powerItemName: string | null;
}
