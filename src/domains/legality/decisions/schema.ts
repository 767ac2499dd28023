import { z } from 'zod';
import {
  Count,
  labelledEnum,
  LocalDate,
  RequiredText,
  Text,
  Year,
  Id,
} from '../../../platform/validation.js';
import { Material, Reviewer } from '../review/schema.js';
import {
  catalogueActionLabels,
  catalogueStatusLabels,
  decisionActionLabels,
  decisionCategoryLabels,
  decisionStatusLabels,
  discussionResultLabels,
  evaluationOutcomeLabels,
  evaluationTriggerLabels,
  procedureLabels,
  riskLevelLabels,
} from './labels.js';

export const DecisionCategory = labelledEnum(decisionCategoryLabels);
export type DecisionCategory = z.infer<typeof DecisionCategory>;

// ——— 决策事项目录 ———

export const CatalogueStatus = labelledEnum(catalogueStatusLabels);
export type CatalogueStatus = z.infer<typeof CatalogueStatus>;

export const CatalogueAction = labelledEnum(catalogueActionLabels);
export type CatalogueAction = z.infer<typeof CatalogueAction>;
export const catalogueActions = CatalogueAction.options;

/** 第三条第三款: 决策事项目录 published after the Party committee agrees, adjusted as needed. */
export const allowedCatalogueActions = {
  drafted: ['agree'],
  agreed: ['publish'],
  published: ['adjust'],
} as const satisfies Record<CatalogueStatus, readonly CatalogueAction[]>;

export const CreateCatalogueInput = z.strictObject({
  year: Year,
  orgId: Id.optional(),
  draftedOn: LocalDate,
});

export const CatalogueActionInput = z.strictObject({
  action: z.enum(['agree', 'publish']),
  date: LocalDate,
  version: z.number().int(),
  /** agree: the Party committee's meeting or document */
  agreedBy: Text(200).optional(),
  /** publish: the gazette or website */
  channel: Text(200).optional(),
});

// ——— 决策 ———

export const DecisionStatus = labelledEnum(decisionStatusLabels);
export type DecisionStatus = z.infer<typeof DecisionStatus>;
export const decisionStatuses = DecisionStatus.options;

export const Procedure = labelledEnum(procedureLabels);
export type Procedure = z.infer<typeof Procedure>;
/** Procedures a decision may go without, when the article's condition does not apply and the reason is stated. */
export const WaivableProcedure = z.enum(['publicComment', 'expertReview', 'riskAssessment']);
export type WaivableProcedure = z.infer<typeof WaivableProcedure>;

export const DecisionAction = labelledEnum(decisionActionLabels);
export type DecisionAction = z.infer<typeof DecisionAction>;
export const decisionActions = DecisionAction.options;

/** The acts each status allows ('list' creates the record). */
export const allowedDecisionActions = {
  preparing: [
    'publicComment',
    'hearing',
    'expertReview',
    'riskAssessment',
    'waive',
    'submitReview',
    'discuss',
    'withdraw',
  ],
  decided: ['publish'],
  published: ['archive', 'execute', 'evaluate'],
  rejected: ['archive'],
  withdrawn: [],
} as const satisfies Record<DecisionStatus, readonly DecisionAction[]>;

export const RiskLevel = labelledEnum(riskLevelLabels);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const DiscussionResult = labelledEnum(discussionResultLabels);
export type DiscussionResult = z.infer<typeof DiscussionResult>;

export const EvaluationTrigger = labelledEnum(evaluationTriggerLabels);
export type EvaluationTrigger = z.infer<typeof EvaluationTrigger>;
export const EvaluationOutcome = labelledEnum(evaluationOutcomeLabels);

/** One member at the meeting (第三十条): present or absent, the head marked. */
export const Attendee = z.strictObject({
  name: RequiredText(50),
  role: z.enum(['head', 'member']),
  present: z.boolean(),
});
/** Each opinion in speaking order. */
export const Opinion = z.strictObject({
  speaker: RequiredText(50),
  stance: z.enum(['agree', 'disagree', 'abstain']),
  text: Text(2000, { lines: true }).optional(),
});
export type Attendee = z.infer<typeof Attendee>;
export type Opinion = z.infer<typeof Opinion>;

export const ListDecisionInput = z.strictObject({
  title: RequiredText(200),
  category: DecisionCategory,
  marketRelated: z.boolean().default(false),
  undertakingOrg: Text(100).optional(),
  listedOn: LocalDate,
  /** after the catalogue is published, an added item needs the reason (第三条: 根据实际情况调整) */
  reason: Text(500).optional(),
});

export const DecisionActionInput = z.strictObject({
  /** every act but 'list', which creates the record */
  action: DecisionAction.exclude(['list']),
  date: LocalDate,
  version: z.number().int(),
  reason: Text(500).optional(),
  note: Text(2000, { lines: true }).optional(),
  // publicComment
  commentFrom: LocalDate.optional(),
  commentTo: LocalDate.optional(),
  commentCount: Count.optional(),
  // hearing
  participants: Count.optional(),
  // expertReview
  experts: z.array(RequiredText(50)).max(50).optional(),
  // riskAssessment
  riskLevel: RiskLevel.optional(),
  mitigation: Text(1000, { lines: true }).optional(),
  // waive
  procedure: WaivableProcedure.optional(),
  // submitReview
  materials: z.array(Material).max(50).optional(),
  reviewers: z.array(Reviewer).max(10).optional(),
  // discuss
  meeting: Text(200).optional(),
  attendance: z.array(Attendee).max(60).optional(),
  opinions: z.array(Opinion).max(60).optional(),
  result: DiscussionResult.optional(),
  // publish
  channel: Text(200).optional(),
  adoptionNote: Text(2000, { lines: true }).optional(),
  // archive
  archived: z.array(z.string().max(50)).max(30).optional(),
  // execute
  executor: Text(100).optional(),
  // evaluate
  trigger: EvaluationTrigger.optional(),
  thirdParty: z.boolean().optional(),
  outcome: EvaluationOutcome.optional(),
});
export type DecisionActionInput = z.infer<typeof DecisionActionInput>;
