import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';
import { Material, Reviewer } from '../review/schema.js';
import {
  cleanupOutcomeLabels,
  documentActionLabels,
  documentStatusLabels,
  filingOutcomeLabels,
} from './labels.js';

export const DocumentStatus = labelledEnum(documentStatusLabels);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const DocumentAction = labelledEnum(documentActionLabels);
export type DocumentAction = z.infer<typeof DocumentAction>;

/** The acts each status allows (cleanup comes through a campaign, draft creates the record). */
export const allowedDocumentActions = {
  drafting: ['revise', 'openComment', 'fairCompetition'],
  consulting: ['revise', 'fairCompetition', 'submitReview'],
  reviewing: ['revise', 'submitReview', 'deliberate'],
  deliberated: ['publish'],
  published: ['file', 'filingOutcome', 'cleanup'],
  repealed: [],
  invalidated: [],
} as const satisfies Record<DocumentStatus, readonly DocumentAction[]>;

export const FilingOutcome = labelledEnum(filingOutcomeLabels);
export type FilingOutcome = z.infer<typeof FilingOutcome>;

export const CleanupOutcome = labelledEnum(cleanupOutcomeLabels);
export type CleanupOutcome = z.infer<typeof CleanupOutcome>;

export const CreateDocumentInput = z.strictObject({
  title: RequiredText(200),
  body: Text(200_000, { lines: true }).optional(),
  /** 制定机关 (the issuing government or department); defaults to the caller's org */
  orgId: Id.optional(),
  draftingOrgId: Id.optional(),
  provisional: z.boolean().default(false),
  marketRelated: z.boolean().default(false),
  draftedOn: LocalDate,
});
export type CreateDocumentInput = z.infer<typeof CreateDocumentInput>;

export const DocumentActionInput = z.strictObject({
  action: z.enum([
    'revise',
    'openComment',
    'fairCompetition',
    'submitReview',
    'deliberate',
    'publish',
    'file',
    'filingOutcome',
  ]),
  date: LocalDate,
  version: z.number().int(),
  // revise
  title: RequiredText(200).optional(),
  body: Text(200_000, { lines: true }).optional(),
  note: Text(500).optional(),
  // openComment
  commentFrom: LocalDate.optional(),
  commentTo: LocalDate.optional(),
  /** why the period is shorter than the rule (示范指标 item 24) */
  reason: Text(500).optional(),
  // submitReview
  materials: z.array(Material).max(50).optional(),
  reviewers: z.array(Reviewer).max(10).optional(),
  // deliberate
  meeting: Text(200).optional(),
  // publish
  effectiveOn: LocalDate.optional(),
  // file
  receipt: Text(100).optional(),
  late: z.boolean().optional(),
  // filingOutcome
  outcome: FilingOutcome.optional(),
});
export type DocumentActionInput = z.infer<typeof DocumentActionInput>;

export const CreateCleanupInput = z.strictObject({
  name: RequiredText(200),
  orgId: Id.optional(),
  startedOn: LocalDate,
});

export const CleanupResultInput = z.strictObject({
  documentId: Id,
  outcome: CleanupOutcome,
  reason: Text(500, { min: 2 }),
  decidedOn: LocalDate,
});
