import { defineKind } from '../core/define-kind.js';
import {
  allowedLegalAidActions,
  checkLegalAidAction,
  type LegalAidRecord,
  legalAidDues,
  projectLegalAid,
} from './rules.js';
import {
  aidApplicantKindLabels,
  CreateLegalAidInput,
  LegalAidAction,
  LegalAidActionData,
  legalAidActionLabels,
  legalAidCategoryLabels,
  legalAidChannelLabels,
  legalAidOutcomeLabels,
  legalAidStatusLabels,
} from './schema.js';

export const legalAidSpec = defineKind<CreateLegalAidInput, LegalAidRecord>({
  kind: 'legalAid',
  title: '法律援助',
  receiptPrefix: 'YZ',
  permissions: 'legalService',
  createInput: CreateLegalAidInput,
  actionData: LegalAidActionData,
  actions: LegalAidAction.options,
  openingAction: 'apply',
  actionLabels: legalAidActionLabels,
  statusLabels: legalAidStatusLabels,
  labels: {
    channel: legalAidChannelLabels,
    category: legalAidCategoryLabels,
    applicantKind: aidApplicantKindLabels,
    outcome: legalAidOutcomeLabels,
  },
  // a notified case opens approved (第三十六条); the table is the same
  allowed: allowedLegalAidActions,
  head: (input) => ({
    subject: input.subject,
    receivedOn: input.receivedOn,
    channel: input.channel,
    category: input.category,
    applicantKind: input.applicantKind,
    applicantName: input.applicantName,
    applicantContact: input.applicantContact ?? null,
    facts: input.notifiedBy ? { notifiedBy: input.notifiedBy } : {},
  }),
  rules: {
    check: (head, log, next, ctx) => checkLegalAidAction(head.channel, log, next, ctx),
    project: (head, log, ctx) => projectLegalAid(head.receivedOn, head.channel, log, ctx),
    dues: (head, log, ctx) => legalAidDues(head.receivedOn, head.channel, log, ctx),
  },
});
