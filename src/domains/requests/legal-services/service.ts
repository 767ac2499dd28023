import { parseInput } from '../../../platform/validation.js';
import type { Ctx } from '../../../platform/context.js';
import { authorize } from '../../org/policy.js';
import { getItem, openItem } from '../core/service.js';
import { CreateLegalAidInput } from './schema.js';
import { legalAidSpec } from './spec.js';

export async function createLegalAid(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, legalAidSpec.editPermission);
  const input = parseInput(CreateLegalAidInput, raw);
  const { id } = await openItem(ctx, legalAidSpec, input.orgId, legalAidSpec.head(input), {});
  return getItem(ctx, legalAidSpec, id);
}
