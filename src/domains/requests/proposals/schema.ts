import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

export const proposalSourceLabels = { npc: '人大代表建议', cppcc: '政协委员提案' } as const;
export const ProposalSource = labelledEnum(proposalSourceLabels, {
  error: '来源应为人大代表建议或政协委员提案',
});
export type ProposalSource = z.infer<typeof ProposalSource>;

/** 主办 / 协办 / 分办: the part the org was assigned. */
export const proposalRoleLabels = { lead: '主办', co: '协办', sole: '单独办理' } as const;
export const ProposalRole = labelledEnum(proposalRoleLabels, { error: '承办方式应为主办、协办或单独办理' });
export type ProposalRole = z.infer<typeof ProposalRole>;

/** 办理结果 (common local practice): A 已解决或采纳, B 正在解决或列入计划, C 以后解决, D 留作参考. */
export const proposalGradeLabels = {
  A: 'A 类(已解决或采纳)',
  B: 'B 类(正在解决或列入计划)',
  C: 'C 类(因条件限制以后解决)',
  D: 'D 类(留作参考)',
} as const;
export const ProposalGrade = labelledEnum(proposalGradeLabels, { error: '办理结果应为 A、B、C、D 类之一' });
export type ProposalGrade = z.infer<typeof ProposalGrade>;

export const deputySatisfactionLabels = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
} as const;
export const DeputySatisfaction = labelledEnum(deputySatisfactionLabels, {
  error: '代表委员意见应为满意、基本满意或不满意',
});

export const proposalActionLabels = {
  assign: '交办',
  return: '退回交办机关(非本单位职责)',
  extend: '经批准延期答复',
  answer: '书面答复代表委员',
  feedback: '代表委员反馈意见',
  rehandle: '重新办理',
  close: '办结',
} as const;
export const ProposalAction = labelledEnum(proposalActionLabels, { error: '办理环节不正确' });
export type ProposalAction = z.infer<typeof ProposalAction>;

export const proposalStatusLabels = {
  handling: '办理中',
  returned: '已退回',
  answered: '已答复',
  rehandling: '重新办理中',
  closed: '已办结',
} as const;
export const ProposalStatus = labelledEnum(proposalStatusLabels);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const CreateProposalInput = z.strictObject({
  orgId: Id,
  source: ProposalSource,
  role: ProposalRole,
  /** the number the 人大 / 政协 gave it (第 12 号) */
  number: RequiredText(30),
  deputyName: RequiredText(100),
  subject: Text(500, { min: 4 }),
  assignedOn: LocalDate,
  /** the other orgs named in the assignment (协办 / 主办) */
  otherOrgs: z.array(RequiredText(100)).max(20, '协办单位过多').default([]),
});
export type CreateProposalInput = z.infer<typeof CreateProposalInput>;

export const ProposalActionData = z.strictObject({
  reason: Text(1000, { lines: true, min: 2 }).optional(),
  approverName: Text(40, { min: 2 }).optional(),
  /** extend: months added (the whole period at most 6 months) */
  months: z
    .number()
    .int('应为整数')
    .min(1, '至少延长 1 个月')
    .max(3, '延长后总期限不得超过 6 个月')
    .optional(),
  grade: ProposalGrade.optional(),
  documentNo: Text(60, { min: 2 }).optional(),
  /** answer: met or called the deputy before answering (见面沟通) */
  contacted: z.boolean().optional(),
  satisfaction: DeputySatisfaction.optional(),
  note: Text(1000, { lines: true }).optional(),
});
export type ProposalActionData = z.infer<typeof ProposalActionData>;
