import { defineKind } from '../core/define-kind.js';
import {
  checkDisclosureAction,
  allowedDisclosureActions,
  type DisclosureRecord,
  disclosureDues,
  projectDisclosure,
  receiptDate,
} from './rules.js';
import {
  applicantKindLabels,
  CreateDisclosureInput,
  DisclosureAction,
  DisclosureActionData,
  disclosureActionLabels,
  disclosureChannelLabels,
  disclosureOutcomeLabels,
  disclosureStatusLabels,
} from './schema.js';

/** 依申请公开 in the shared item engine. */
export const disclosureSpec = defineKind<CreateDisclosureInput, DisclosureRecord>({
  kind: 'disclosure',
  title: '政府信息公开申请',
  receiptPrefix: 'GK',
  permissions: 'disclosure',
  createInput: CreateDisclosureInput,
  actionData: DisclosureActionData,
  actions: DisclosureAction.options,
  openingAction: 'receive',
  actionLabels: disclosureActionLabels,
  statusLabels: disclosureStatusLabels,
  labels: {
    channel: disclosureChannelLabels,
    category: { application: '依申请公开' },
    applicantKind: applicantKindLabels,
    outcome: disclosureOutcomeLabels,
  },
  allowed: allowedDisclosureActions,
  head: (input) => ({
    subject: input.subject,
    receivedOn: receiptDate(input.channel, input),
    channel: input.channel,
    category: 'application',
    applicantKind: input.applicantKind,
    applicantName: input.applicantName,
    applicantContact: input.applicantContact ?? null,
    facts: {
      ...(input.submittedOn ? { submittedOn: input.submittedOn } : {}),
      ...(input.signedOn ? { signedOn: input.signedOn } : {}),
      ...(input.confirmedOn ? { confirmedOn: input.confirmedOn } : {}),
      ...(input.form ? { form: input.form } : {}),
    },
  }),
  rules: {
    check: (head, log, next, ctx) => checkDisclosureAction(head.receivedOn, log, next, ctx),
    project: (head, log, ctx) => projectDisclosure(head.receivedOn, log, ctx),
    dues: (head, log, ctx) => disclosureDues(head.receivedOn, log, ctx),
  },
});
