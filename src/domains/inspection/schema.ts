import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, Text, Id } from '../../platform/validation.js';
import { RiskGrade } from './draw-input.js';
import { InspectionResult } from './rules.js';

export { RiskGrade };

const text = (max: number) => Text(max, { lines: max >= 500, min: 1 });
/** A percentage 0–100 with at most two decimals; stored as basis points. */
export const Percent = z
  .number('抽取比例应为数字')
  .min(0, '抽取比例应在 0%–100% 之间')
  .max(100, '抽取比例应在 0%–100% 之间')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '抽取比例最多保留两位小数');
export const toBp = (percent: number): number => Math.round(percent * 100);
export const regionCode = z
  .string()
  .regex(/^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字');

export const CreateChecklistItemInput = z.strictObject({
  orgId: Id.optional(),
  matter: text(200),
  category: Text(100).optional(),
  legalBasis: text(2000),
  method: text(200),
  defaultRatioPercent: Percent,
  frequencyPerYear: z.number().int().min(1, '每年至少抽查 1 次').max(12).default(1),
  joint: z.boolean().default(false),
});
export type CreateChecklistItemInput = z.input<typeof CreateChecklistItemInput>;

export const inspecteeKindLabels = {
  enterprise: '企业',
  individual: '个体工商户及其他',
} as const;
export const InspecteeKind = labelledEnum(inspecteeKindLabels);
export type InspecteeKind = z.infer<typeof InspecteeKind>;

export const InspecteeRow = z.strictObject({
  kind: InspecteeKind,
  name: text(200),
  uscc: Text(40).toUpperCase().optional(),
  industry: text(60),
  locationCode: regionCode,
  riskGrade: RiskGrade,
  address: Text(300).optional(),
});
export type InspecteeRow = z.input<typeof InspecteeRow>;

export const CreateInspecteeInput = InspecteeRow.extend({ orgId: Id.optional() });

export const CreateInspectorInput = z.strictObject({
  orgId: Id.optional(),
  officerId: Id.optional(),
  name: text(50),
  certificateNumber: Text(40).min(1, '执法检查人员必须持有执法证,证号不能为空'),
  certificateValidUntil: LocalDate,
  fields: z.array(text(40)).max(20).default([]),
});
export type CreateInspectorInput = z.input<typeof CreateInspectorInput>;

export const CreateConflictInput = z
  .strictObject({
    inspecteeId: Id,
    inspectorId: Id.optional(),
    conflictOrgId: Id.optional(),
    reason: text(500),
  })
  .refine((v) => (v.inspectorId === undefined) !== (v.conflictOrgId === undefined), {
    message: '回避关系须指定一名检查人员或一个单位(二者选一)',
    path: ['inspectorId'],
  });
export type CreateConflictInput = z.input<typeof CreateConflictInput>;

export const planKindLabels = { department: '部门抽查', joint: '部门联合抽查' } as const;
export const PlanKind = labelledEnum(planKindLabels);
export type PlanKind = z.infer<typeof PlanKind>;

export const CreatePlanInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    name: text(200),
    kind: PlanKind,
    leadOrgId: Id.optional(),
    /** joint plans: the other participating orgs (the lead is added) */
    participantOrgIds: z.array(Id).max(30).default([]),
    note: Text(2000, { lines: true }).optional(),
  })
  .refine((v) => v.kind === 'department' || v.participantOrgIds.length >= 1, {
    message: '联合抽查计划至少要有一个牵头单位以外的参与单位',
    path: ['participantOrgIds'],
  });
export type CreatePlanInput = z.input<typeof CreatePlanInput>;

/** What a plan's owner may change before any of its tasks is drawn: its year, name and note. */
export const UpdatePlanInput = z.strictObject({
  version: Int32.min(1),
  year: z.number().int().min(2000).max(2100),
  name: text(200),
  note: Text(2000, { lines: true }).optional(),
});
export type UpdatePlanInput = z.input<typeof UpdatePlanInput>;

/** DELETE …?version=N: the version the person saw, so a plan changed meanwhile is not deleted blind. */
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

export const RatioByGrade = z.strictObject({ A: Percent, B: Percent, C: Percent, D: Percent });

const taskFields = {
  name: text(200),
  checklistItemIds: z.array(Id).min(1, '至少选择一个抽查事项').max(50),
  mode: z.enum(['ratio', 'count']),
  ratioPercent: RatioByGrade.optional(),
  count: z.number().int().min(1, '抽取数量至少为 1').max(1_000_000).optional(),
  industries: z.array(text(60)).max(50).default([]),
  /** the task targets every industry — said on purpose, never by leaving 行业 blank */
  allIndustries: z.boolean().default(false),
  locationCodes: z.array(regionCode).max(50).default([]),
  riskGrades: z.array(RiskGrade).max(4).default([]),
  inspectorsPerInspectee: z.number().int().min(2, '每个检查对象至少派 2 名检查人员').max(10).default(2),
  startOn: LocalDate,
  endOn: LocalDate,
};

const taskRefine = <
  T extends {
    mode: 'ratio' | 'count';
    ratioPercent?: unknown;
    count?: unknown;
    industries: readonly string[];
    allIndustries: boolean;
    startOn: string;
    endOn: string;
  },
>(
  s: z.ZodType<T>,
) =>
  s
    .refine((v) => v.mode !== 'ratio' || v.ratioPercent !== undefined, {
      message: '按比例抽取须填写各风险等级的比例',
      path: ['ratioPercent'],
    })
    .refine((v) => v.mode !== 'count' || v.count !== undefined, {
      message: '按数量抽取须填写抽取数量',
      path: ['count'],
    })
    // a blank 行业 once drew logistics and media firms for a 食品经营许可 task
    .refine((v) => v.allIndustries || v.industries.length > 0, {
      message: '请填写抽查的行业,或选择“全部行业”',
      path: ['industries'],
    })
    .refine((v) => !(v.allIndustries && v.industries.length > 0), {
      message: '已选择“全部行业”,不应再填写行业',
      path: ['industries'],
    })
    .refine((v) => v.endOn >= v.startOn, { message: '结束日期不能早于开始日期', path: ['endOn'] });

export const CreateTaskInput = taskRefine(z.strictObject({ planId: Id, ...taskFields }));
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

export const UpdateTaskInput = taskRefine(z.strictObject({ version: Int32.min(1), ...taskFields }));
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

export const RecordResultInput = z.strictObject({
  version: Int32.min(1),
  result: InspectionResult,
  note: Text(2000, { lines: true }).default(''),
  inspectedOn: LocalDate,
});
export type RecordResultInput = z.input<typeof RecordResultInput>;

export const PublishInput = z.strictObject({
  version: Int32.min(1),
  publishedOn: LocalDate.optional(),
});
export type PublishInput = z.input<typeof PublishInput>;
