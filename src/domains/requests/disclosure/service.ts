import { parseInput } from '../../../platform/validation.js';
import type { Ctx } from '../../../platform/context.js';
import { authorize } from '../../org/policy.js';
import { getItem, openItem } from '../core/service.js';
import { disclosureSpec } from './spec.js';
import { CreateDisclosureInput } from './schema.js';

/** Registers an application received at the office (当面、邮寄、传真、网络 keyed in by staff). */
export async function createDisclosure(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, disclosureSpec.editPermission);
  const input = parseInput(CreateDisclosureInput, raw);
  const head = disclosureSpec.head(input);
  const { id } = await openItem(ctx, disclosureSpec, input.orgId, head, disclosureSpec.openingData(input));
  return getItem(ctx, disclosureSpec, id);
}
