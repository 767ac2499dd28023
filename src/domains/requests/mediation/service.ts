import { parseInput } from '../../../platform/validation.js';
import type { Ctx } from '../../../platform/context.js';
import { insertOwned, newId, writeTx } from '../../../platform/db/tx.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { getItem, openItem, orgInScope } from '../core/service.js';
import { findItem } from '../core/store.js';
import { checkCommittee, checkCommitteeServing, checkConsent } from './rules.js';
import { CreateCommitteeInput, CreateMediationInput } from './schema.js';
import { mediationSpec } from './spec.js';
import { findCommittee, listCommittees } from './store.js';

/** 人民调解委员会: validated by 人民调解法 第八、九条 and recorded with its term. */
export async function createCommittee(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, mediationSpec.editPermission);
  const input = parseInput(CreateCommitteeInput, raw);
  const org = await orgInScope(ctx, input.orgId);
  const { termEnd } = checkCommittee(input.members, input.termStart, input.multiEthnic);
  const row = {
    id: newId(),
    region_code: org.regionCode,
    org_id: org.id,
    name: input.name,
    members: JSON.stringify(input.members),
    term_start: input.termStart,
    term_end: termEnd,
  };
  await writeTx(ctx.db, ctx.actor, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, 'requests_committee', 'requests.committee.create', row, {
      name: input.name,
      members: input.members.length,
      termStart: input.termStart,
      termEnd,
    }),
  );
  const c = await findCommittee(ctx.db, ctx.scope, row.id);
  if (!c) throw notFound('requests.committee.notFound');
  return c;
}

export async function searchCommittees(ctx: Ctx, orgId?: string) {
  authorize(ctx.actor, mediationSpec.listPermission);
  return listCommittees(ctx.db, ctx.scope, orgId);
}

/** Registers a dispute for mediation: parties' consent (第十七条), a serving committee for 人民调解. */
export async function createMediation(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, mediationSpec.editPermission);
  const input = parseInput(CreateMediationInput, raw);
  checkConsent(input.consent);
  if (input.kind === 'people') {
    if (!input.committeeId)
      throw invalid(
        'requests.mediation.committeeRequired',
        '人民调解须由人民调解委员会调解,请选择调解委员会',
        'committeeId',
      );
    const c = await findCommittee(ctx.db, ctx.scope, input.committeeId);
    if (!c)
      throw notFound('requests.mediation.committeeNotFound', '人民调解委员会不存在或不在您的权限范围内');
    checkCommitteeServing(c, input.receivedOn);
  }
  if (input.petitionId && !(await findItem(ctx.db, ctx.scope, 'petition', input.petitionId)))
    throw notFound('requests.mediation.petitionNotFound', '所指的信访事项不存在或不在您的权限范围内');
  const { id } = await openItem(ctx, mediationSpec, input.orgId, mediationSpec.head(input), {});
  return getItem(ctx, mediationSpec, id);
}
