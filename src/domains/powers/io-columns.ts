import { defineColumns, type EnumOption } from '../../platform/io/index.js';
import { Article, LawName } from './schema.js';
import {
  approvalLevelLabels,
  type Circumstance,
  fineUnitLabels,
  leniencyKindLabels,
  matterLevelLabels,
} from './schema.js';

const options = (labels: Record<string, string>): EnumOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const codeCheck = (v: string) =>
  /^[0-9A-Za-z-]{3,40}$/.test(v) ? undefined : '编码应为 3–40 位字母、数字或连字符';

/** 行政许可事项清单 as a sheet: the same columns for export, template and import. */
export interface LicenseRow {
  code: string;
  name: string;
  subItem: string | null;
  orgName: string;
  implementingOrg: string;
  powerItemCode: string | null;
  lawName: string;
  article: string;
  implementationBasis: string | null;
  approvalLevel: string;
  statutoryDays: number;
  promisedDays: number;
  charges: boolean;
  feeNote: string | null;
  prerequisite: boolean;
  prerequisiteNote: string | null;
}

export const licenseColumns = defineColumns<LicenseRow>([
  {
    key: 'code',
    header: '事项编码',
    kind: 'text',
    required: true,
    unique: true,
    width: 22,
    validate: codeCheck,
  },
  { key: 'name', header: '事项名称', kind: 'text', required: true, maxLength: 200, width: 36 },
  { key: 'subItem', header: '子项名称', kind: 'text', maxLength: 200, width: 28 },
  { key: 'orgName', header: '所属单位', kind: 'text', required: true, maxLength: 100, width: 28 },
  { key: 'implementingOrg', header: '实施机关', kind: 'text', required: true, maxLength: 100, width: 28 },
  { key: 'powerItemCode', header: '权责事项编码', kind: 'text', maxLength: 40, width: 22 },
  {
    key: 'lawName',
    header: '设定依据(法律法规名称)',
    kind: 'text',
    required: true,
    width: 30,
    validate: LawName,
  },
  { key: 'article', header: '设定依据(条款)', kind: 'text', required: true, width: 18, validate: Article },
  { key: 'implementationBasis', header: '实施依据', kind: 'text', maxLength: 2000, width: 30 },
  {
    key: 'approvalLevel',
    header: '审批层级',
    kind: 'enum',
    required: true,
    width: 10,
    enum: options(approvalLevelLabels),
  },
  { key: 'statutoryDays', header: '法定办结时限(工作日)', kind: 'int', required: true, width: 12 },
  { key: 'promisedDays', header: '承诺办结时限(工作日)', kind: 'int', required: true, width: 12 },
  { key: 'charges', header: '是否收费', kind: 'bool', required: true, width: 8 },
  { key: 'feeNote', header: '收费标准及依据', kind: 'text', maxLength: 500, width: 24 },
  { key: 'prerequisite', header: '是否涉及前置', kind: 'bool', required: true, width: 8 },
  { key: 'prerequisiteNote', header: '前置事项', kind: 'text', maxLength: 500, width: 24 },
]);

/** 执法事项 as a sheet: a row is one (权责事项, 执法主体) pair. */
export interface MatterRow {
  powerItemCode: string;
  powerItemName: string | null;
  bodyName: string;
  level: string;
  entrusted: boolean;
  note: string | null;
}

export const matterColumns = defineColumns<MatterRow>([
  { key: 'powerItemCode', header: '权责事项编码', kind: 'text', required: true, maxLength: 40, width: 22 },
  { key: 'powerItemName', header: '权责事项名称(仅供参考)', kind: 'text', maxLength: 200, width: 40 },
  { key: 'bodyName', header: '执法主体', kind: 'text', required: true, maxLength: 100, width: 30 },
  {
    key: 'level',
    header: '执法层级',
    kind: 'enum',
    required: true,
    width: 12,
    enum: options(matterLevelLabels),
  },
  { key: 'entrusted', header: '是否委托', kind: 'bool', required: true, width: 8 },
  { key: 'note', header: '备注', kind: 'text', maxLength: 1000, width: 24 },
]);

/** 包容审慎“四张清单” as a sheet. */
export interface LeniencyRow {
  code: string;
  kind: string;
  orgName: string;
  powerItemCode: string | null;
  violation: string;
  conditions: string;
  lawName: string;
  article: string;
  outcome: string;
}

export const leniencyColumns = defineColumns<LeniencyRow>([
  {
    key: 'code',
    header: '清单编码',
    kind: 'text',
    required: true,
    unique: true,
    width: 22,
    validate: codeCheck,
  },
  {
    key: 'kind',
    header: '清单类别',
    kind: 'enum',
    required: true,
    width: 14,
    enum: options(leniencyKindLabels),
  },
  { key: 'orgName', header: '所属单位', kind: 'text', required: true, maxLength: 100, width: 28 },
  { key: 'powerItemCode', header: '权责事项编码', kind: 'text', maxLength: 40, width: 22 },
  { key: 'violation', header: '违法行为', kind: 'text', required: true, maxLength: 500, width: 36 },
  { key: 'conditions', header: '适用条件', kind: 'text', required: true, maxLength: 2000, width: 40 },
  { key: 'lawName', header: '法律依据(名称)', kind: 'text', required: true, width: 28, validate: LawName },
  { key: 'article', header: '法律依据(条款)', kind: 'text', required: true, width: 18, validate: Article },
  { key: 'outcome', header: '裁量结果', kind: 'text', required: true, maxLength: 500, width: 24 },
]);

/** 裁量权基准 as a sheet: one row per standard, four column groups for the four 情节. */
export interface DiscretionRow {
  code: string;
  powerItemCode: string;
  violation: string;
  lawName: string;
  article: string;
  fineUnit: string;
  minorText: string | null;
  minorMin: string | null;
  minorMax: string | null;
  minorOther: string | null;
  generalText: string | null;
  generalMin: string | null;
  generalMax: string | null;
  generalOther: string | null;
  seriousText: string | null;
  seriousMin: string | null;
  seriousMax: string | null;
  seriousOther: string | null;
  graveText: string | null;
  graveMin: string | null;
  graveMax: string | null;
  graveOther: string | null;
}

export const CIRCUMSTANCE_PREFIX = {
  minor: '轻微',
  general: '一般',
  serious: '较重',
  grave: '严重',
} as const satisfies Record<Circumstance, string>;

const money = { kind: 'decimal', scale: 2, width: 12 } as const;
const other = { kind: 'text', maxLength: 500, width: 20 } as const;
const situation = { kind: 'text', maxLength: 1000, width: 30 } as const;

export const discretionColumns = defineColumns<DiscretionRow>([
  {
    key: 'code',
    header: '基准编码',
    kind: 'text',
    required: true,
    unique: true,
    width: 22,
    validate: codeCheck,
  },
  { key: 'powerItemCode', header: '权责事项编码', kind: 'text', required: true, maxLength: 40, width: 22 },
  { key: 'violation', header: '违法行为', kind: 'text', required: true, maxLength: 500, width: 36 },
  { key: 'lawName', header: '处罚依据(名称)', kind: 'text', required: true, width: 28, validate: LawName },
  { key: 'article', header: '处罚依据(条款)', kind: 'text', required: true, width: 18, validate: Article },
  {
    key: 'fineUnit',
    header: '罚款单位',
    kind: 'enum',
    required: true,
    width: 8,
    enum: options(fineUnitLabels),
  },
  { key: 'minorText', header: '轻微情节', ...situation },
  { key: 'minorMin', header: '轻微·罚款下限', ...money },
  { key: 'minorMax', header: '轻微·罚款上限', ...money },
  { key: 'minorOther', header: '轻微·其他处罚', ...other },
  { key: 'generalText', header: '一般情节', ...situation },
  { key: 'generalMin', header: '一般·罚款下限', ...money },
  { key: 'generalMax', header: '一般·罚款上限', ...money },
  { key: 'generalOther', header: '一般·其他处罚', ...other },
  { key: 'seriousText', header: '较重情节', ...situation },
  { key: 'seriousMin', header: '较重·罚款下限', ...money },
  { key: 'seriousMax', header: '较重·罚款上限', ...money },
  { key: 'seriousOther', header: '较重·其他处罚', ...other },
  { key: 'graveText', header: '严重情节', ...situation },
  { key: 'graveMin', header: '严重·罚款下限', ...money },
  { key: 'graveMax', header: '严重·罚款上限', ...money },
  { key: 'graveOther', header: '严重·其他处罚', ...other },
]);
