import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { invalid, notFound } from '../../platform/errors.js';

export interface OrgRef {
  id: string;
  region_code: string;
  name: string;
  kind: string;
}

/**
 * The columns that make a new row `org`'s: its id, and the org and region it is kept under (a
 * reader's scope is bounded by both, so they are always the owning org's own).
 */
export const ownedBy = (id: string, org: { id: string; region_code: string }) => ({
  id,
  region_code: org.region_code,
  org_id: org.id,
});

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
