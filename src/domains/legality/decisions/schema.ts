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

/** 重大行政决策程序暂行条例 第三条: what a major decision is about. */
export const decisionCategoryLabels = {
  publicPolicy: '重大公共政策和措施',
  plan: '经济社会发展规划',
  resources: '开发利用保护重要自然资源和文化资源',
  publicWorks: '重大公共建设项目',
  other: '其他重大事项',
} as const;
export const DecisionCategory = labelledEnum(decisionCategoryLabels);
export type DecisionCategory = z.infer<typeof DecisionCategory>;

// ——— 决策事项目录 ———

export const catalogueStatusLabels = {
  drafted: '拟定中',
  agreed: '党委已同意',
  published: '已公布',
} as const;
export const CatalogueStatus = labelledEnum(catalogueStatusLabels);
export type CatalogueStatus = z.infer<typeof CatalogueStatus>;

export const catalogueActionLabels = {
  draft: '拟定目录',
  agree: '报同级党委同意',
  publish: '向社会公布',
  adjust: '调整目录',
} as const;
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

export const decisionStatusLabels = {
  preparing: '履行决策程序中',
  decided: '已决定',
  published: '已公布',
  rejected: '未通过',
  withdrawn: '已调出目录',
} as const;
export const DecisionStatus = labelledEnum(decisionStatusLabels);
export type DecisionStatus = z.infer<typeof DecisionStatus>;
export const decisionStatuses = DecisionStatus.options;

/** The five statutory procedures (第二章 第三节至第七节 … 第十四条至第三十一条). */
export const procedureLabels = {
  publicComment: '公众参与',
  expertReview: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  discussion: '集体讨论决定',
} as const;
export const Procedure = labelledEnum(procedureLabels);
export type Procedure = z.infer<typeof Procedure>;
/** Procedures a decision may go without, when the article's condition does not apply and the reason is stated. */
export const WaivableProcedure = z.enum(['publicComment', 'expertReview', 'riskAssessment']);
export type WaivableProcedure = z.infer<typeof WaivableProcedure>;

export const decisionActionLabels = {
  list: '列入目录',
  publicComment: '公开征求意见',
  hearing: '举行听证',
  expertReview: '专家论证',
  riskAssessment: '风险评估',
  waive: '说明不适用的程序',
  submitReview: '报送合法性审查',
  discuss: '集体讨论决定',
  publish: '公布决策',
  archive: '立卷归档',
  execute: '组织执行',
  evaluate: '决策后评估',
  withdraw: '调出目录',
} as const;
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

export const riskLevelLabels = { low: '低风险', medium: '中风险', high: '高风险' } as const;
export const RiskLevel = labelledEnum(riskLevelLabels);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const discussionResultLabels = {
  approved: '同意',
  deferred: '暂缓决定',
  rejected: '不同意',
} as const;
export const DiscussionResult = labelledEnum(discussionResultLabels);
export type DiscussionResult = z.infer<typeof DiscussionResult>;

export const evaluationTriggerLabels = {
  planned: '按计划评估',
  resultsFailed: '未达到预期效果',
  manyObjections: '公民、法人或者其他组织提出较多意见',
  necessary: '决策机关认为有必要',
} as const;
export const EvaluationTrigger = labelledEnum(evaluationTriggerLabels);
export type EvaluationTrigger = z.infer<typeof EvaluationTrigger>;
export const evaluationOutcomeLabels = {
  continue: '继续执行',
  adjust: '调整决策',
  suspend: '暂缓执行',
  stop: '停止执行',
} as const;
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
