import { parseInput } from '../../../platform/validation.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { getItem, openItem } from '../core/service.js';
import { findEntry, findItem, loadActions } from '../core/store.js';
import { checkNotFinal } from './rules.js';
import { CreatePetitionInput } from './schema.js';
import { petitionSpec } from './spec.js';

/** Registers a petition (登记); a 重复信访 names the earlier item, which must not be final. */
export async function createPetition(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, petitionSpec.editPermission);
  const input = parseInput(CreatePetitionInput, raw);
  if (input.repeatOfId) {
    const earlier = await findItem(ctx.db, ctx.scope, 'petition', input.repeatOfId);
    if (!earlier)
      throw notFound('requests.petition.repeatNotFound', '所指的原信访事项不存在或不在您的权限范围内');
    const log = await loadActions(ctx.db, earlier.id);
    checkNotFinal(log.some((a) => a.record.action === 'answerRecheck'));
  }
  if (input.receptionId && !(await findEntry(ctx.db, ctx.scope, 'reception', input.receptionId)))
    throw notFound('requests.petition.receptionNotFound', '所指的领导接访记录不存在或不在您的权限范围内');
  const head = petitionSpec.head(input);
  const { id } = await openItem(ctx, petitionSpec, input.orgId, head, {});
  return getItem(ctx, petitionSpec, id);
}
