import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { invalid, notFound } from '../../platform/errors.js';

export interface OrgRef {
  id: string;
  region_code: string;
  name: string;
  kind: string;
}

export async function findOrgRef(db: Executor, id: string): Promise<OrgRef | undefined> {
  return db
    .selectFrom('org')
    .select(['id', 'region_code', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An org named in an input: it must exist and lie inside the caller's scope (else 404, as for any foreign id). */
export async function orgInScope(ctx: Ctx, orgId: string): Promise<OrgRef> {
  const org = await findOrgRef(ctx.db, orgId);
  const inside =
    org &&
    (ctx.scope.all || ctx.scope.orgIds.includes(orgId)) &&
    (ctx.scope.regionCodes.length === 0 || ctx.scope.regionCodes.includes(org.region_code));
  if (!org || !inside) throw notFound('org.notFound', '所选单位不存在或不在您的权限范围内');
  return org;
}

/** The office issuing a record: the org given, or the caller's own org (the 依法治县办 sits in it). */
export async function issuerOrg(ctx: Ctx, given?: string): Promise<OrgRef> {
  const id = given ?? ctx.actor.orgId;
  if (!id) throw invalid('oversight.issuerRequired', '请指定发出单位', 'issuerOrgId');
  return orgInScope(ctx, id);
}
