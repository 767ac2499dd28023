import { defineKind } from '../core/define-kind.js';
import {
  allowedPetitionActions,
  checkPetitionAction,
  type PetitionRecord,
  petitionDues,
  projectPetition,
} from './rules.js';
import {
  CreatePetitionInput,
  PetitionAction,
  PetitionActionData,
  petitionActionLabels,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionerKindLabels,
  petitionResultLabels,
  petitionStatusLabels,
} from './schema.js';

export const petitionSpec = defineKind<CreatePetitionInput, PetitionRecord>({
  kind: 'petition',
  title: '信访',
  receiptPrefix: 'XF',
  permissions: 'petition',
  createInput: CreatePetitionInput,
  actionData: PetitionActionData,
  actions: PetitionAction.options,
  openingAction: 'register',
  actionLabels: petitionActionLabels,
  statusLabels: petitionStatusLabels,
  labels: {
    channel: petitionChannelLabels,
    category: petitionCategoryLabels,
    applicantKind: petitionerKindLabels,
    outcome: { ...petitionResultLabels, routed: '转送交办', declined: '不予受理' },
  },
  allowed: allowedPetitionActions,
  head: (input) => ({
    subject: input.subject,
    receivedOn: input.receivedOn,
    channel: input.channel,
    category: input.category,
    applicantKind: input.petitionerKind,
    applicantName: input.petitionerName,
    applicantContact: input.petitionerContact ?? null,
    facts: {
      persons: input.persons,
      escalated: input.escalated,
      majorIncident: input.majorIncident,
      backlog: input.backlog,
      ...(input.sourceNo ? { sourceNo: input.sourceNo } : {}),
      ...(input.receptionId ? { receptionId: input.receptionId } : {}),
      ...(input.repeatOfId ? { repeat: true } : {}),
    },
    linkId: input.repeatOfId ?? null,
  }),
  rules: {
    check: (head, log, next, ctx) => checkPetitionAction(head.category, log, next, ctx),
    project: (head, log, ctx) => projectPetition(head.receivedOn, log, ctx),
    dues: (head, log, ctx) => petitionDues(head.receivedOn, log, ctx),
  },
});
