import { z } from 'zod';
import {
  Int32,
  labelledEnum,
  LocalDate,
  RequiredText,
  Text,
  Year,
  Id,
} from '../../../platform/validation.js';
import { EvidenceRef } from '../rectification/schema.js';
import { indicatorMethodLabels, scoringRuleLabels } from '../labels.js';

export { indicatorMethodLabels, scoringRuleLabels };

export const IndicatorMethod = labelledEnum(indicatorMethodLabels);
export type IndicatorMethod = z.infer<typeof IndicatorMethod>;

export const ScoringRule = labelledEnum(scoringRuleLabels);
export type ScoringRule = z.infer<typeof ScoringRule>;

export const assessmentGradeLabels = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
} as const;
export const AssessmentGrade = labelledEnum(assessmentGradeLabels);
export type AssessmentGrade = z.infer<typeof AssessmentGrade>;

/** Points with at most one decimal (2.5 分). */
export const Points = z
  .number('应为数字')
  .min(0, '不能为负数')
  .max(100, '不能超过 100')
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, '最多保留一位小数');

export const IndicatorCode = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,2}(\.[1-9]\d{0,2}){0,2}$/, '指标编号应为 1、1.2 或 1.2.3 的形式');

export const IndicatorInput = z.strictObject({
  code: IndicatorCode,
  title: RequiredText(300),
  weight: Points.refine((v) => v > 0, '分值应大于 0'),
  method: IndicatorMethod.optional(),
  metricId: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/, '关联指标编号不正确')
    .max(100)
    .nullish(),
  rule: ScoringRule.optional(),
  target: z.number('应为数字').min(0, '不能为负数').max(1e12, '数值过大').nullish(),
  evidence: Text(500, { lines: true }).default(''),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const CreateEditionInput = z.strictObject({
  orgId: Id.optional(),
  name: RequiredText(100),
  note: Text(500, { lines: true }).default(''),
  excellentFrom: Points,
  goodFrom: Points,
  passFrom: Points,
  indicators: z.array(IndicatorInput).min(1, '至少一项指标').max(500, '指标最多 500 项'),
});
export type CreateEditionInput = z.infer<typeof CreateEditionInput>;

/** The edition's header when its indicators come from an Excel file. */
export const EditionHeader = CreateEditionInput.omit({ indicators: true });
export type EditionHeader = z.infer<typeof EditionHeader>;

export const OpenRoundInput = z.strictObject({
  orgId: Id.optional(),
  editionId: Id,
  year: Year,
  title: RequiredText(200),
  fillDue: LocalDate,
  orgIds: z.array(Id).min(1, '请选择被考评单位').max(500, '被考评单位最多 500 个'),
});
export type OpenRoundInput = z.infer<typeof OpenRoundInput>;

export const FillEntryInput = z.strictObject({
  indicatorId: Id,
  value: z.number('应为数字').min(0, '不能为负数').max(1e12, '数值过大').nullish(),
  note: Text(2000, { lines: true }).default(''),
  evidence: z.array(EvidenceRef).max(20, '每项最多 20 份佐证材料').default([]),
});
export type FillEntryInput = z.infer<typeof FillEntryInput>;

export const FillInput = z.strictObject({
  version: Int32,
  entries: z.array(FillEntryInput).min(1, '请至少填报一项').max(500),
});
export type FillInput = z.infer<typeof FillInput>;

export const SubmitInput = z.strictObject({ version: Int32 });

export const ScoreEntryInput = z.strictObject({
  indicatorId: Id,
  score: z.number('应为数字').refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, '最多保留一位小数'),
  comment: Text(1000, { lines: true }).default(''),
});
export type ScoreEntryInput = z.infer<typeof ScoreEntryInput>;

export const ReviewInput = z.strictObject({
  version: Int32,
  scores: z.array(ScoreEntryInput).max(500).default([]),
  /** finish = the unit's total and grade are fixed; return = sent back to the unit to fill again */
  decision: z.enum(['save', 'finish', 'return']).default('save'),
  note: Text(1000, { lines: true }).default(''),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const PublishInput = z.strictObject({ version: Int32 });
