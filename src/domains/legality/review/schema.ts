import { z } from 'zod';
import { Count, labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** What the desk reviews (RULES §2.6–2.7; 重大执法决定法制审核 is shown beside them from enforcement). */
export const reviewKindLabels = {
  normativeDocument: '规范性文件',
  majorDecision: '重大行政决策',
  contract: '行政合同/重大合同',
  agendaItem: '政府会议议题',
  powersList: '权责清单调整',
  otherDocument: '其他文件',
  /** 行政复议法 第十三条、第五十六条: a 规范性文件 referred by a 复议 for review */
  incidentalReview: '规范性文件附带审查',
} as const;
export const ReviewKind = labelledEnum(reviewKindLabels);
export type ReviewKind = z.infer<typeof ReviewKind>;

export const reviewStatusLabels = {
  reviewing: '审查中',
  awaitingMaterials: '待补充材料',
  concluded: '已出具意见',
  answered: '已反馈采纳情况',
  withdrawn: '已撤回',
} as const;
export const ReviewStatus = labelledEnum(reviewStatusLabels);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const reviewActionLabels = {
  submit: '报送审查',
  requestMaterials: '通知补充材料',
  receiveMaterials: '收到补充材料',
  extend: '延长审查期限',
  conclude: '出具审查意见',
  answer: '反馈意见采纳情况',
  withdraw: '撤回',
} as const;
export const ReviewAction = labelledEnum(reviewActionLabels);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** The actions each status allows (submit only creates a review). */
export const allowedReviewActions = {
  reviewing: ['requestMaterials', 'extend', 'conclude', 'withdraw'],
  awaitingMaterials: ['receiveMaterials', 'withdraw'],
  concluded: ['answer'],
  answered: [],
  withdrawn: [],
} as const satisfies Record<ReviewStatus, readonly ReviewAction[]>;

export const conclusionLabels = {
  lawful: '合法',
  lawfulAfterRevision: '修改后合法',
  unlawful: '不合法',
} as const;
export const Conclusion = labelledEnum(conclusionLabels);
export type Conclusion = z.infer<typeof Conclusion>;

export const adoptionLabels = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不采纳',
} as const;
export const Adoption = labelledEnum(adoptionLabels);
export type Adoption = z.infer<typeof Adoption>;

export const reviewerKindLabels = {
  staff: '审查人员',
  adviser: '法律顾问',
  governmentLawyer: '公职律师',
} as const;
export const ReviewerKind = labelledEnum(reviewerKindLabels);

export const Material = z.strictObject({
  name: RequiredText(200),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, '不是有效的 SHA-256 摘要')
    .optional(),
});

export const Reviewer = z.strictObject({
  kind: ReviewerKind,
  name: RequiredText(40),
  /** the registry entry of a 法律顾问 or 公职律师: their work log fills itself from the desk */
  adviserId: Id.optional(),
});
export type Reviewer = z.infer<typeof Reviewer>;

export const SubmitReviewInput = z.strictObject({
  kind: ReviewKind,
  title: RequiredText(200),
  /** the submitting org; defaults to the caller's */
  orgId: Id.optional(),
  submittedOn: LocalDate,
  materials: z.array(Material).min(1, '请列出报送的材料').max(50),
  /** items in the submission (a 权责清单 adjustment lists many matters); 1 otherwise */
  itemCount: Count.min(1, '至少 1 项').max(100000).optional(),
  reviewers: z.array(Reviewer).max(10).optional(),
});
export type SubmitReviewInput = z.infer<typeof SubmitReviewInput>;

export const ReviewActionInput = z.strictObject({
  action: z.enum(['requestMaterials', 'receiveMaterials', 'extend', 'conclude', 'withdraw']),
  date: LocalDate,
  version: z.number().int(),
  reason: Text(500).optional(),
  conclusion: Conclusion.optional(),
  opinions: z
    .array(Text(2000, { lines: true, min: 2 }))
    .max(200)
    .optional(),
  reviewers: z.array(Reviewer).max(10).optional(),
});
export type ReviewActionInput = z.infer<typeof ReviewActionInput>;

export const AnswerInput = z.strictObject({
  date: LocalDate,
  version: z.number().int(),
  answers: z
    .array(
      z.strictObject({
        opinionId: Id,
        adoption: Adoption,
        reason: Text(500).optional(),
      }),
    )
    .min(1, '请逐条反馈意见采纳情况')
    .max(200),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export interface ReviewLogEntry {
  action: ReviewAction;
  date: string;
  data: { reason?: string | undefined; conclusion?: Conclusion | undefined };
}
