import { z } from 'zod';
import { LocalDate, RequiredText, Text, Year, Id } from '../../../platform/validation.js';
import { FindingInput } from '../rectification/schema.js';

export const CreateInspectionPlanInput = z.strictObject({
  issuerOrgId: Id.optional(),
  year: Year,
  title: RequiredText(200),
  topics: z.array(RequiredText(100)).max(20, '督察事项最多 20 项').default([]),
  subjectOrgIds: z.array(Id).min(1, '请选择被督察单位').max(200),
  periodFrom: LocalDate,
  periodTo: LocalDate,
});
export type CreateInspectionPlanInput = z.infer<typeof CreateInspectionPlanInput>;

export const RecordVisitInput = z.strictObject({
  planId: Id,
  orgId: Id,
  visitedOn: LocalDate,
  inspectors: RequiredText(200),
  summary: Text(4000, { lines: true }).default(''),
  findings: z.array(FindingInput).max(100, '一次最多登记 100 个问题').default([]),
});
export type RecordVisitInput = z.infer<typeof RecordVisitInput>;
