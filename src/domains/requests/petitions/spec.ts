import type { KindSpec } from '../core/spec.js';
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

export const petitionSpec: KindSpec = {
  kind: 'petition',
  title: '信访',
  receiptPrefix: 'XF',
  listPermission: 'requests:petition:list',
  editPermission: 'requests:petition:edit',
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
  head(raw) {
    const input = raw as CreatePetitionInput;
    return {
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
      amount: null,
    };
  },
  openingData: () => ({}),
  checkAction: (head, log, next, ctx) =>
    checkPetitionAction(head.category, log as PetitionRecord[], next as PetitionRecord, ctx),
  project: (head, log, ctx) => projectPetition(head.receivedOn, log as PetitionRecord[], ctx),
  dues: (head, log, ctx) => petitionDues(head.receivedOn, log as PetitionRecord[], ctx),
};
