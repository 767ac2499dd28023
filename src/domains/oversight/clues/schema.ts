import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';
import { FindingInput } from '../rectification/schema.js';
import { clueRuleLabels, clueStatusLabels } from '../labels.js';

export { clueRuleLabels, clueStatusLabels };

export const ClueRule = labelledEnum(clueRuleLabels);
export type ClueRule = z.infer<typeof ClueRule>;

export const clueSourceLabels = { tipOff: '举报', rule: '规则发现' } as const;
export const ClueSource = labelledEnum(clueSourceLabels);
export type ClueSource = z.infer<typeof ClueSource>;

export const ClueStatus = labelledEnum(clueStatusLabels);
export type ClueStatus = z.infer<typeof ClueStatus>;

export const ClueAction = z.enum(['assign', 'answer', 'close']);
export type ClueAction = z.infer<typeof ClueAction>;

export const CreateTipOffInput = z.strictObject({
  orgId: Id,
  description: RequiredText(2000),
  receivedOn: LocalDate,
});

export const ClueActInput = z.strictObject({
  action: ClueAction,
  version: Int32,
  assignee: Text(100).optional(),
  answer: Text(2000, { lines: true }).optional(),
  conclusion: Text(2000, { lines: true }).optional(),
  issuerOrgId: Id.optional(),
  /** close: problems confirmed become 整改 items of the clue's org */
  findings: z.array(FindingInput).max(20).default([]),
});

export const opinionKindLabels = {
  opinion: '行政执法监督意见书',
  suggestion: '行政执法监督建议书',
} as const;
export const OpinionKind = labelledEnum(opinionKindLabels);
export type OpinionKind = z.infer<typeof OpinionKind>;

export const IssueOpinionInput = z.strictObject({
  issuerOrgId: Id.optional(),
  orgId: Id,
  kind: OpinionKind,
  docNo: RequiredText(60),
  issuedOn: LocalDate,
  dueOn: LocalDate,
  content: RequiredText(4000),
  /** the problems the document names; each is answered through a 整改 item due with the document */
  problems: z.array(RequiredText(2000)).min(1, '请列出至少一个问题').max(50),
});
