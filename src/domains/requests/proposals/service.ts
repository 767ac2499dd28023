import { parseInput } from '../../../platform/validation.js';
import type { Ctx } from '../../../platform/context.js';
import { authorize } from '../../org/policy.js';
import { getItem, openItem } from '../core/service.js';
import { CreateProposalInput } from './schema.js';
import { proposalSpec } from './spec.js';

/** Records an assigned 建议 / 提案 (交办). */
export async function createProposal(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, proposalSpec.editPermission);
  const input = parseInput(CreateProposalInput, raw);
  const { id } = await openItem(ctx, proposalSpec, input.orgId, proposalSpec.head(input), {});
  return getItem(ctx, proposalSpec, id);
}
