import { sql } from 'kysely';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { writeVersioned } from '../../platform/db/tx.js';
import { invalid, notFound } from '../../platform/errors.js';
import { Count, Int32, LocalDate } from '../../platform/validation.js';
import { authorize } from './policy.js';

/** 三定方案 (定职能、定机构、定编制): not yet, being drafted, issued. */
export const SandingStatus = z.enum(['none', 'drafting', 'issued']);
export type SandingStatus = z.infer<typeof SandingStatus>;
export const sandingStatusLabels = {
  none: '未制定',
  drafting: '制定中',
  issued: '已印发',
} as const satisfies Record<SandingStatus, string>;

export const OrgStaffingInput = z.strictObject({
  version: Int32,
  adminStaffing: Count.max(100000),
  publicStaffing: Count.max(100000),
  secondedStaffing: Count.max(100000),
  legalStaff: Count.max(100000),
  sandingStatus: SandingStatus,
  sandingIssuedOn: LocalDate.nullable().default(null),
});

/** The 机构职能 fields of the orgs in scope (the 机构编制 ledger). */
export async function listOrgStaffing(ctx: Ctx) {
  authorize(ctx.actor, 'system:org:list');
  const rows = await ctx.db
    .selectFrom('org as o')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.parent_id',
      'o.admin_staffing',
      'o.public_staffing',
      'o.seconded_staffing',
      'o.legal_staff',
      'o.sanding_status',
      'o.sanding_issued_on',
      'o.version',
    ])
    .where(orgScope(ctx))
    .orderBy('o.tree_rank')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    adminStaffing: r.admin_staffing,
    publicStaffing: r.public_staffing,
    secondedStaffing: r.seconded_staffing,
    legalStaff: r.legal_staff,
    sandingStatus: r.sanding_status as SandingStatus,
    sandingIssuedOn: r.sanding_issued_on,
    version: r.version,
  }));
}

/** The org table has no org_id column: an org is in scope when its own id is (or the scope is all). */
function orgScope(ctx: Ctx) {
  const { scope } = ctx;
  const region =
    scope.regionCodes.length > 0 ? sql`o.region_code = any(${[...scope.regionCodes]}::text[])` : sql`true`;
  return scope.all
    ? sql<boolean>`${region}`
    : sql<boolean>`${region} and o.id = any(${[...scope.orgIds]}::uuid[])`;
}

export async function updateOrgStaffing(ctx: Ctx, id: string, raw: unknown) {
  authorize(ctx.actor, 'system:org:edit');
  const input = OrgStaffingInput.parse(raw);
  if (input.sandingStatus === 'issued' && !input.sandingIssuedOn)
    throw invalid('org.sandingDate', '三定方案已印发的,请填写印发日期', 'sandingIssuedOn');
  if (!(ctx.scope.all || ctx.scope.orgIds.includes(id))) throw notFound('org.notFound');
  const before = await ctx.db
    .selectFrom('org')
    .select(['id', 'region_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) throw notFound('org.notFound');
  const patch = {
    admin_staffing: input.adminStaffing,
    public_staffing: input.publicStaffing,
    seconded_staffing: input.secondedStaffing,
    legal_staff: input.legalStaff,
    sanding_status: input.sandingStatus,
    sanding_issued_on: input.sandingStatus === 'issued' ? input.sandingIssuedOn : null,
  };
  await writeVersioned(ctx, 'org', id, input.version, patch, {
    action: 'org.staffing',
    orgId: id,
    regionCode: before.region_code,
    change: { after: patch },
  });
}
