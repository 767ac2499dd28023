import type { z } from 'zod';
import type { ActionRecord, Due, ItemHead, KindSpec, Projection, RuleContext } from './spec.js';

/** A kind's permission group: `requests:<group>:list` to read its ledger, `:edit` to write it. */
type KindGroup = 'disclosure' | 'petition' | 'mediation' | 'legalService' | 'proposal';

/** The head a kind reads from its create input; a column it leaves out is none (null, no facts). */
type KindHead = Omit<ItemHead, 'applicantContact' | 'facts' | 'linkId' | 'amount'> &
  Partial<Pick<ItemHead, 'applicantContact' | 'facts' | 'linkId' | 'amount'>>;

/** A kind's rules over its own log (its acts and their data typed), given the item's head. */
export interface KindRules<R extends ActionRecord> {
  check(head: ItemHead, log: readonly R[], next: R, ctx: RuleContext): void;
  project(head: ItemHead, log: readonly R[], ctx: RuleContext): Projection;
  dues(head: ItemHead, log: readonly R[], ctx: RuleContext): Due[];
}

export type KindDefinition<I, R extends ActionRecord> = Omit<
  KindSpec,
  | 'listPermission'
  | 'editPermission'
  | 'createInput'
  | 'head'
  | 'openingData'
  | 'checkAction'
  | 'project'
  | 'dues'
> & {
  permissions: KindGroup;
  createInput: z.ZodType<I>;
  head(input: I): KindHead;
  rules: KindRules<R>;
};

/**
 * A kind's spec for the shared item engine from its definition: the permissions of its group, the
 * head's unread columns none, an opening act without data, and its rules given its typed log (the
 * engine keeps every kind's log as ActionRecord; each kind's log holds only its own acts).
 */
export function defineKind<I, R extends ActionRecord>({
  permissions,
  head,
  rules,
  ...spec
}: KindDefinition<I, R>): KindSpec {
  return {
    ...spec,
    listPermission: `requests:${permissions}:list`,
    editPermission: `requests:${permissions}:edit`,
    head: (input) => ({ applicantContact: null, facts: {}, linkId: null, amount: null, ...head(input as I) }),
    openingData: () => ({}),
    checkAction: (h, log, next, ctx) => rules.check(h, log as readonly R[], next as R, ctx),
    project: (h, log, ctx) => rules.project(h, log as readonly R[], ctx),
    dues: (h, log, ctx) => rules.dues(h, log as readonly R[], ctx),
  };
}
