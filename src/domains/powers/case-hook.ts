import { enforcementError } from '../enforcement/errors.js';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { findBody } from '../enforcement/officers/store.js';
import { findPowerItem } from '../enforcement/power-list/store.js';
import { authorize } from '../org/policy.js';
import {
  findActiveStandard,
  heldMatters,
  type LeniencyDbRow,
  leniency,
  leniencyFor,
  regionScope,
} from './case-store.js';
import { rangeText } from './discretion.js';
import {
  checkDiscretion,
  checkLeniencyApplication,
  checkMatterHeld,
  type DiscretionOutcome,
} from './rules.js';
import { type Circumstance, circumstanceLabels, type DiscretionLevel, type LeniencyKind } from './schema.js';

/** The facts of a decide / terminate act this domain checks (a subset of the case's ActionData). */
export interface DecisionFacts {
  sanction?: { penalties: readonly string[]; amount: number } | undefined;
  circumstance?: Circumstance | undefined;
  discretionReason?: string | undefined;
  leniencyItemId?: string | undefined;
  fineBase?: number | undefined;
}

/** What checkDecisionLists needs, as decisionListsJson (enforcement/cases/store.ts) reads it with the case's one read. */
export type DecisionLists = {
  standard: { levels: readonly DiscretionLevel[] } | null;
  leniency: LeniencyDbRow | null;
};

/**
 * Called by the case service before it records 决定 or 不予处罚: the fine against the 裁量权基准
 * of the case's power item, and the 包容审慎清单 item applied, if any, against the act — on the
 * lists read with the case (decisionListsJson in enforcement/cases/store.ts). Throws a DomainError naming data.sanction.amount /
 * data.discretionReason / data.leniencyItemId.
 */
export function checkDecisionLists(
  lists: DecisionLists | null,
  c: { powerItemId: string | null; action: string; data: DecisionFacts },
): DiscretionOutcome | null {
  if (c.action !== 'decide' && c.action !== 'terminate') return null;
  let leniencyKind: LeniencyKind | undefined;
  if (c.data.leniencyItemId) {
    const item = lists?.leniency ? leniency(lists.leniency) : undefined;
    if (!item) throw notFound('powers.leniencyNotFound', '所选包容审慎清单事项不存在(data.leniencyItemId)');
    checkLeniencyApplication(item, c.action, c.powerItemId);
    leniencyKind = item.kind;
  }
  if (c.action !== 'decide' || !c.powerItemId) return null;
  return checkDiscretion(lists?.standard, c.data.circumstance, c.data.sanction, c.data.discretionReason, {
    leniencyKind,
    fineBase: c.data.fineBase,
  });
}

/**
 * For opening a case: the body must hold the power item as an 执法事项 (行政处罚法 第十七条、
 * 第二十条). Not yet called by the case service — see docs/powers.md.
 */
export async function checkCaseMatter(
  ctx: Ctx,
  c: { regionCode: string; bodyId: string; powerItemId: string },
) {
  const scope = regionScope(c.regionCode);
  const [held, body, item] = await Promise.all([
    heldMatters(ctx.db, scope, c.powerItemId),
    findBody(ctx.db, ALL_SCOPE, c.bodyId),
    findPowerItem(ctx.db, scope, c.powerItemId),
  ]);
  if (!body) throw enforcementError('enforcement.bodyNotFound');
  if (!item) throw enforcementError('enforcement.powerItemNotFound');
  checkMatterHeld(held, body, item);
}

/** What a case form offers for a power item: its 裁量权基准 (ranges by 情节) and the 四张清单 entries. */
export async function caseOptions(ctx: Ctx, powerItemId: string) {
  authorize(ctx.actor, 'enforcement:case:list');
  const item = await findPowerItem(ctx.db, ctx.scope, powerItemId);
  if (!item) throw enforcementError('enforcement.powerItemNotFound');
  const scope = regionScope(item.regionCode);
  const standard = await findActiveStandard(ctx.db, scope, powerItemId);
  return {
    standard: standard
      ? {
          id: standard.id,
          code: standard.code,
          violation: standard.violation,
          basis: `《${standard.law_name}》${standard.article}`,
          levels: standard.levels.map((l) => ({
            ...l,
            circumstanceLabel: circumstanceLabels[l.circumstance],
            range: rangeText(l),
          })),
        }
      : null,
    leniencyItems: await leniencyFor(ctx.db, scope, powerItemId, item.orgId),
  };
}
