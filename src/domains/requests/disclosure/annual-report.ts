import { withOrg } from '../../org/org-store.js';
import type { Ctx } from '../../../platform/context.js';
import { inScope } from '../../../platform/scope.js';
import { authorize } from '../../org/policy.js';
import { orgInScope } from '../core/service.js';
import { ANNUAL_COLUMNS, type AnnualRow, applicationTable } from './annual-table.js';
import { disclosureSpec } from './spec.js';
import '../core/tables.js';

/**
 * 表四 “政府信息公开行政复议、行政诉讼情况”: the disputes domain exports the builder; until the
 * coordinator wires it, the caller passes the rows it has (or null, shown as 未接入).
 */
export interface ReviewLitigationRows {
  source: string;
  reconsideration: { upheld: number; corrected: number; other: number; pending: number; total: number };
  litigationDirect: { upheld: number; corrected: number; other: number; pending: number; total: number };
  litigationAfterReconsideration: {
    upheld: number;
    corrected: number;
    other: number;
    pending: number;
    total: number;
  };
}

/** 表三 of an org subtree's 政务公开年报, from the applications; 表四 from the slot. */
export async function disclosureAnnualTables(
  ctx: Ctx,
  orgId: string,
  year: number,
  reviewLitigation: ReviewLitigationRows | null = null,
): Promise<{
  orgName: string;
  year: number;
  columns: typeof ANNUAL_COLUMNS;
  applications: AnnualRow[];
  reviewLitigation: ReviewLitigationRows | null;
}> {
  authorize(ctx.actor, disclosureSpec.listPermission);
  const root = await orgInScope(ctx, orgId);
  const rows = await withOrg(ctx.db, 'requests_item', 'i')
    .select(['i.applicant_kind', 'i.received_on', 'i.outcome', 'i.answered_on', 'i.closed_on', 'i.status'])
    .where('i.kind', '=', 'disclosure')
    .where('g.path', 'like', `${root.path}%`)
    .where('i.received_on', '<=', `${year}-12-31`)
    .where(inScope(ctx.scope, 'i'))
    .execute();
  const applications = applicationTable(
    year,
    rows.map((r) => ({
      applicantKind: r.applicant_kind,
      receivedOn: r.received_on,
      outcome: r.outcome,
      concludedOn:
        r.answered_on ?? (r.status === 'withdrawn' || r.status === 'abandoned' ? r.closed_on : null),
    })),
  );
  return { orgName: root.name, year, columns: ANNUAL_COLUMNS, applications, reviewLitigation };
}
