import { defineKind } from '../core/define-kind.js';
import {
  allowedProposalActions,
  checkProposalAction,
  type ProposalRecord,
  projectProposal,
  proposalDues,
} from './rules.js';
import {
  CreateProposalInput,
  ProposalAction,
  ProposalActionData,
  proposalActionLabels,
  proposalGradeLabels,
  proposalRoleLabels,
  proposalSourceLabels,
  proposalStatusLabels,
} from './schema.js';

/** 人大建议 / 政协提案: channel = 主办/协办, category = 人大/政协, applicant = the deputy. */
export const proposalSpec = defineKind<CreateProposalInput, ProposalRecord>({
  kind: 'proposal',
  title: '建议提案',
  receiptPrefix: 'JY',
  permissions: 'proposal',
  createInput: CreateProposalInput,
  actionData: ProposalActionData,
  actions: ProposalAction.options,
  openingAction: 'assign',
  actionLabels: proposalActionLabels,
  statusLabels: proposalStatusLabels,
  labels: {
    channel: proposalRoleLabels,
    category: proposalSourceLabels,
    applicantKind: { deputy: '代表委员' },
    outcome: { ...proposalGradeLabels, returned: '退回交办机关' },
  },
  allowed: allowedProposalActions,
  head: (input) => ({
    subject: input.subject,
    receivedOn: input.assignedOn,
    channel: input.role,
    category: input.source,
    applicantKind: 'deputy',
    applicantName: input.deputyName,
    facts: { number: input.number, otherOrgs: input.otherOrgs },
  }),
  rules: {
    check: (head, log, next, ctx) => checkProposalAction(head.receivedOn, log, next, ctx),
    project: (head, log, ctx) => projectProposal(head.receivedOn, log, ctx),
    dues: (head, log, ctx) => proposalDues(head.receivedOn, log, ctx),
  },
});
