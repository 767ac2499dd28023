import { withOrg } from '../../org/org-store.js';
import { sql } from 'kysely';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import '../tables.js';
import '../../org/tables.js';

export interface CaseInLegalReview {
  id: string;
  caseNo: string;
  partyName: string;
  orgId: string;
  orgName: string;
  /** the day the case was submitted for 法制审核 (its latest submitReview act) */
  submittedOn: string | null;
}

/**
 * 重大执法决定法制审核 waiting for the reviewer (cases in status `reviewing`), for the legality
 * domain's desk, which shows them beside its own reviews as links to the case page — the review
 * itself stays in the case's procedure (行政处罚法 第五十八条).
 */
export async function listCasesInLegalReview(
  db: Executor,
  scope: Scope,
  page: { offset: number; limit: number },
): Promise<{ items: CaseInLegalReview[]; total: number }> {
  const base = withOrg(db, 'enforcement_case', 'c')
    .where('c.status', '=', 'reviewing')
    .where(inScope(scope, 'c'));
  const rows = await base
    .select([
      'c.id',
      'c.case_no',
      'c.party_name',
      'c.org_id',
      'g.name as org_name',
      sql<
        string | null
      >`(select max(a.occurred_on)::text from enforcement_case_action a where a.case_id = c.id and a.action = 'submitReview')`.as(
        'submitted_on',
      ),
      sql<number>`count(*) over ()`.as('total_count'),
    ])
    .orderBy('c.opened_on')
    .orderBy('c.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      partyName: r.party_name,
      orgId: r.org_id,
      orgName: r.org_name,
      submittedOn: r.submitted_on,
    })),
    total: Number(rows[0]?.total_count ?? 0),
  };
}
