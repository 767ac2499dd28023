import { z } from 'zod';
import {
  Count,
  Int32,
  labelledEnum,
  LocalDate,
  RequiredText,
  Text,
  Id,
} from '../../../platform/validation.js';
import { FindingInput } from '../rectification/schema.js';
import { rubricDimensionLabels, gradeLabels } from '../labels.js';

export { rubricDimensionLabels, gradeLabels };

export const RubricDimension = labelledEnum(rubricDimensionLabels);
export type RubricDimension = z.infer<typeof RubricDimension>;

export const RubricItem = z.strictObject({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, '评查项代码应为字母开头的字母数字'),
  dimension: RubricDimension,
  title: RequiredText(200),
  maxScore: z.number().int('应为整数').min(1, '分值至少为 1').max(100, '分值不能超过 100'),
});
export type RubricItem = z.infer<typeof RubricItem>;

export const CreateRubricInput = z.strictObject({
  orgId: Id.optional(),
  name: RequiredText(100),
  items: z.array(RubricItem).min(1, '至少一个评查项').max(100, '评查项最多 100 个'),
  excellentFrom: z.number().int().min(1).max(100),
  passFrom: z.number().int().min(1).max(100),
});
export type CreateRubricInput = z.infer<typeof CreateRubricInput>;

export const Grade = labelledEnum(gradeLabels);
export type Grade = z.infer<typeof Grade>;

export const CreateCampaignInput = z.strictObject({
  orgId: Id.optional(),
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  title: RequiredText(200),
  rubricId: Id,
  closedFrom: LocalDate,
  closedTo: LocalDate,
  perStratum: z.number().int('应为整数').min(1, '每类至少抽取 1 件').max(1000, '每类最多抽取 1000 件'),
  orgIds: z.array(Id).max(500).default([]),
  categories: z
    .array(z.string().regex(/^[a-z]+$/))
    .max(20)
    .default([]),
});
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const ScoreFileInput = z.strictObject({
  version: Int32,
  scores: z.record(z.string().max(40), Count),
  comment: Text(2000, { lines: true }).default(''),
  reviewedOn: LocalDate.optional(),
  findings: z.array(FindingInput).max(50, '一次最多 50 个问题').default([]),
});
export type ScoreFileInput = z.infer<typeof ScoreFileInput>;
