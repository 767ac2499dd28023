import type { KindSpec } from '../core/spec.js';
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
export const proposalSpec: KindSpec = {
  kind: 'proposal',
  title: '建议提案',
  receiptPrefix: 'JY',
  listPermission: 'requests:proposal:list',
  editPermission: 'requests:proposal:edit',
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
  head(raw) {
    const input = raw as CreateProposalInput;
    return {
      subject: input.subject,
      receivedOn: input.assignedOn,
      channel: input.role,
      category: input.source,
      applicantKind: 'deputy',
      applicantName: input.deputyName,
      applicantContact: null,
      facts: { number: input.number, otherOrgs: input.otherOrgs },
      linkId: null,
      amount: null,
    };
  },
  openingData: () => ({}),
  checkAction: (head, log, next, ctx) =>
    checkProposalAction(head.receivedOn, log as ProposalRecord[], next as ProposalRecord, ctx),
  project: (head, log, ctx) => projectProposal(head.receivedOn, log as ProposalRecord[], ctx),
  dues: (head, log, ctx) => proposalDues(head.receivedOn, log as ProposalRecord[], ctx),
};
