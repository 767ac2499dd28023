import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, Text } from '../../platform/validation.js';

export const submissionStatusLabels = {
  pending: '待填报',
  submitted: '已提交待审核',
  accepted: '已采纳',
  returned: '已退回',
} as const;
export const SubmissionStatus = labelledEnum(submissionStatusLabels);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const dataCallStatusLabels = {
  draft: '草稿',
  open: '填报中',
  closed: '已截止',
} as const;
export const DataCallStatus = labelledEnum(dataCallStatusLabels);
export type DataCallStatus = z.infer<typeof DataCallStatus>;

/** A reported figure the office defines in the form itself (not in the catalogue). */
export const NewMetricInput = z.strictObject({
  name: Text(60).min(2, '指标名称至少 2 个字'),
  unit: Text(10).min(1, '请填写计量单位'),
  definition: Text(500, { lines: true }).min(4, '请写明指标口径'),
  additive: z.boolean().default(true),
});
export type NewMetricInput = z.infer<typeof NewMetricInput>;

export const DataCallItemInput = z.union([
  z.strictObject({ metricId: Text(120).min(3) }),
  z.strictObject({ newMetric: NewMetricInput }),
]);
export type DataCallItemInput = z.infer<typeof DataCallItemInput>;

export const CreateDataCallInput = z
  .strictObject({
    /** the issuing office; defaults to the caller's org (the system actor must name it) */
    orgId: z.uuid('不是有效的机构编号').optional(),
    title: Text(100).min(2, '请填写填报任务名称'),
    periodFrom: LocalDate,
    periodTo: LocalDate,
    deadline: LocalDate,
    targetOrgIds: z.array(z.uuid('不是有效的机构编号')).min(1, '请至少选择一个填报单位').max(500),
    items: z.array(DataCallItemInput).min(1, '请至少列出一个指标').max(200),
  })
  .refine((v) => v.periodTo >= v.periodFrom, { message: '统计期止日不能早于起日', path: ['periodTo'] });
export type CreateDataCallInput = z.infer<typeof CreateDataCallInput>;

export const VersionInput = z.strictObject({ version: Int32.min(1) });

export const FigureInput = z.strictObject({
  itemId: z.uuid('不是有效的指标项编号'),
  value: z.number({ error: '数值应为数字' }).finite(),
  unit: Text(10).min(1),
  /** 约 / 余 / 以上 / 以内 as the unit writes it beside the figure; stored and printed as filed */
  qualifier: z
    .enum(['', 'about', 'over', 'atLeast', 'within'], { error: '限定词应为约、余、以上或以内' })
    .optional(),
  evidenceText: Text(2000, { lines: true }).optional(),
  evidenceHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '附件摘要应为 64 位十六进制 SHA-256')
    .optional(),
});
export type FigureInput = z.infer<typeof FigureInput>;

export const SaveFiguresInput = z.strictObject({
  version: Int32.min(1),
  figures: z.array(FigureInput).min(1).max(200),
});

export const ReturnInput = z.strictObject({
  version: Int32.min(1),
  reason: Text(500, { lines: true }).min(2, '请写明退回理由'),
});

export interface DataCallItem {
  id: string;
  seq: number;
  metricId: string;
  source: 'reported' | 'computed';
  name: string;
  unit: string;
  definition: string;
}

/** A call as the ledger lists it. */
export interface DataCallSummary {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  status: DataCallStatus;
  statusLabel: string;
  version: number;
}

export interface DataCall extends DataCallSummary {
  items: DataCallItem[];
  submissions: SubmissionSummary[];
}

export interface SubmissionSummary {
  id: string;
  orgId: string;
  orgName: string;
  status: SubmissionStatus;
  statusLabel: string;
  returnReason: string | null;
  version: number;
}

/** One line of a unit's form: a reported figure to fill, or a computed one shown read-only. */
export interface SubmissionLine extends DataCallItem {
  readOnly: boolean;
  value: number | null;
  filedUnit: string | null;
  evidenceText: string | null;
  evidenceHash: string | null;
}

export interface Submission extends SubmissionSummary {
  callId: string;
  callTitle: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  open: boolean;
  lines: SubmissionLine[];
}
