import { defineKind } from '../core/define-kind.js';
import {
  allowedMediationActions,
  checkMediationAction,
  type MediationRecord,
  mediationDues,
  projectMediation,
} from './rules.js';
import {
  CreateMediationInput,
  disputeTypeLabels,
  MediationAction,
  MediationActionData,
  mediationActionLabels,
  mediationKindLabels,
  mediationOutcomeLabels,
  mediationSourceLabels,
  mediationStatusLabels,
} from './schema.js';

/**
 * 调解 cases. The item's channel is the kind (人民/行政/诉前), its category the dispute type, its
 * applicant kind the source (排查、申请、委派、访调/警调对接).
 */
export const mediationSpec = defineKind<CreateMediationInput, MediationRecord>({
  kind: 'mediation',
  title: '矛盾纠纷调解',
  receiptPrefix: 'TJ',
  permissions: 'mediation',
  createInput: CreateMediationInput,
  actionData: MediationActionData,
  actions: MediationAction.options,
  openingAction: 'register',
  actionLabels: mediationActionLabels,
  statusLabels: mediationStatusLabels,
  labels: {
    channel: mediationKindLabels,
    category: disputeTypeLabels,
    applicantKind: mediationSourceLabels,
    outcome: mediationOutcomeLabels,
  },
  allowed: allowedMediationActions,
  head: (input) => ({
    subject: input.subject,
    receivedOn: input.receivedOn,
    channel: input.kind,
    category: input.disputeType,
    applicantKind: input.source,
    applicantName: input.parties.join('、'),
    applicantContact: input.partyContact ?? null,
    facts: {
      parties: input.parties,
      mediatorName: input.mediatorName,
      consent: input.consent,
      ...(input.committeeId ? { committeeId: input.committeeId } : {}),
      ...(input.courtRef ? { courtRef: input.courtRef } : {}),
    },
    linkId: input.petitionId ?? null,
    amount: input.amount ?? null,
  }),
  rules: {
    check: (_head, log, next, ctx) => checkMediationAction(log, next, ctx),
    project: (_head, log) => projectMediation(log),
    dues: (_head, log) => mediationDues(log),
  },
});
