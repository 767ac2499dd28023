import { z } from 'zod';
import { Count, labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';
import {
  adoptionLabels,
  conclusionLabels,
  reviewActionLabels,
  reviewKindLabels,
  reviewStatusLabels,
  reviewerKindLabels,
} from './labels.js';

export const ReviewKind = labelledEnum(reviewKindLabels);
export type ReviewKind = z.infer<typeof ReviewKind>;

export const ReviewStatus = labelledEnum(reviewStatusLabels);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

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

export const Conclusion = labelledEnum(conclusionLabels);
export type Conclusion = z.infer<typeof Conclusion>;

export const Adoption = labelledEnum(adoptionLabels);
export type Adoption = z.infer<typeof Adoption>;

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
