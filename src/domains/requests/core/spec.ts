import type { z } from 'zod';
import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import type { Permission } from '../../permissions.js';

/** The five kinds of request kept in requests_item. */
export const ItemKinds = ['disclosure', 'petition', 'mediation', 'legalAid', 'proposal'] as const;
export type ItemKind = (typeof ItemKinds)[number];

/** One act of an item's append-only log. */
export interface ActionRecord<A extends string = string, D = Record<string, unknown>> {
  action: A;
  /** the legal date of the act, in China */
  date: LocalDate;
  data: D;
  actorId: string | null;
}

/** A clock of an item, from its log. */
export interface Due {
  kind: string;
  /** Chinese, with the article */
  label: string;
  dueOn: LocalDate;
  metOn: LocalDate | null;
  /** a window of the applicant's or a third party's, never 逾期 for the office */
  party: boolean;
  /** counted without the holiday arrangement of a year not yet loaded */
  provisional: boolean;
}

/** The item's columns a spec derives from the create input. */
export interface ItemHead {
  subject: string;
  receivedOn: LocalDate;
  channel: string;
  category: string;
  applicantKind: string;
  applicantName: string;
  applicantContact: string | null;
  facts: Record<string, unknown>;
  linkId: string | null;
  amount: number | null;
}

/** Columns recomputed from the log in the same transaction as every append. */
export interface Projection {
  status: string;
  outcome: string | null;
  dueKind: string | null;
  dueOn: LocalDate | null;
  dueProvisional: boolean;
  extended: boolean;
  answeredOn: LocalDate | null;
  closedOn: LocalDate | null;
  onTime: boolean | null;
  resolved: boolean | null;
}

/** What a rule may need beyond the log. */
export interface RuleContext {
  calendar: WorkCalendar;
  today: LocalDate;
  settings: { proposalReturnDays: number; warnDays: number };
}

/** How one kind plugs into the shared item store, service, routes and ledger. */
export interface KindSpec {
  kind: ItemKind;
  /** Chinese name of the ledger */
  title: string;
  /** receipt-number prefix, e.g. 依申 */
  receiptPrefix: string;
  listPermission: Permission;
  editPermission: Permission;
  /** validates the create body (field messages in Chinese) */
  createInput: z.ZodType;
  /** validates an action's data */
  actionData: z.ZodType;
  actions: readonly string[];
  openingAction: string;
  actionLabels: Readonly<Record<string, string>>;
  statusLabels: Readonly<Record<string, string>>;
  /** Chinese labels of the channel / category / applicant-kind / outcome codes */
  labels: {
    channel: Readonly<Record<string, string>>;
    category: Readonly<Record<string, string>>;
    applicantKind: Readonly<Record<string, string>>;
    outcome: Readonly<Record<string, string>>;
  };
  allowed: Readonly<Record<string, readonly string[]>>;
  /** the item's head from a parsed create input; throws DomainError on a rule broken */
  head(input: unknown): ItemHead;
  /** the opening act's data (kept in the log) */
  openingData(input: unknown): Record<string, unknown>;
  /** checks one new act against the log so far (throws DomainError naming the rule) */
  checkAction(head: ItemHead, log: readonly ActionRecord[], next: ActionRecord, ctx: RuleContext): void;
  project(head: ItemHead, log: readonly ActionRecord[], ctx: RuleContext): Projection;
  dues(head: ItemHead, log: readonly ActionRecord[], ctx: RuleContext): Due[];
}
