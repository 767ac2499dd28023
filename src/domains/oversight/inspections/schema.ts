import { z } from 'zod';
import { LocalDate, RequiredText, Text } from '../../../platform/validation.js';
import { FindingInput } from '../rectification/schema.js';

export const CreateInspectionPlanInput = z.strictObject({
  issuerOrgId: z.uuid('不是有效的编号').optional(),
  year: z.number().int('应为整数').min(2000, '年度不正确').max(2100, '年度不正确'),
  title: RequiredText(200),
  topics: z.array(RequiredText(100)).max(20, '督察事项最多 20 项').default([]),
  subjectOrgIds: z.array(z.uuid('不是有效的编号')).min(1, '请选择被督察单位').max(200),
  periodFrom: LocalDate,
  periodTo: LocalDate,
});
export type CreateInspectionPlanInput = z.infer<typeof CreateInspectionPlanInput>;

export const RecordVisitInput = z.strictObject({
  planId: z.uuid('不是有效的编号'),
  orgId: z.uuid('不是有效的编号'),
  visitedOn: LocalDate,
  inspectors: RequiredText(200),
  summary: Text(4000, { lines: true }).default(''),
  findings: z.array(FindingInput).max(100, '一次最多登记 100 个问题').default([]),
});
export type RecordVisitInput = z.infer<typeof RecordVisitInput>;
