import { sql } from 'kysely';
import type { Scope } from '../../../../platform/context.js';
import { CopyRows } from '../../../../platform/db/copy.js';
import type { Executor } from '../../../../platform/db/types.js';
import { inScope } from '../../../../platform/scope.js';
import type { HandlerRecord } from '../checks.js';
import { type CaseFilter, OUTCOME_COLUMNS } from '../store.js';
import type { CertificateStatus } from '../../officers/schema.js';
import '../../tables.js';
import { withOrg } from '../../../org/org-store.js';

export interface ImportBody {
  id: string;
  name: string;
  orgId: string;
  regionCode: string;
}

/** The enforcement bodies the importer may file cases for (inside their scope), by name. */
export async function importBodies(db: Executor, scope: Scope): Promise<ImportBody[]> {
  const rows = await db
    .selectFrom('enforcement_body as b')
    .select(['b.id', 'b.name', 'b.org_id', 'b.region_code'])
    .where(inScope(scope, 'b'))
    .where('b.active', '=', true)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.org_id, regionCode: r.region_code }));
}

/** The officers of those bodies with every certificate they held, and each certificate's number. */
export async function importOfficers(
  db: Executor,
  bodyIds: readonly string[],
): Promise<{ officers: Map<string, HandlerRecord>; byCertificate: Map<string, string> }> {
  const officers = new Map<string, HandlerRecord>();
  const byCertificate = new Map<string, string>();
  if (bodyIds.length === 0) return { officers, byCertificate };
  const rows = await db
    .selectFrom('enforcement_officer as o')
    .leftJoin('enforcement_certificate as c', 'c.officer_id', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.active',
      'o.body_id',
      'o.user_id',
      'c.number',
      'c.issued_on',
      'c.valid_until',
      'c.status',
    ])
    .where('o.body_id', 'in', [...bodyIds])
    .orderBy('c.valid_until', 'desc')
    .execute();
  for (const r of rows) {
    let o = officers.get(r.id);
    if (!o) {
      o = {
        id: r.id,
        name: r.name,
        active: r.active,
        bodyId: r.body_id,
        userId: r.user_id,
        certificates: [],
      };
      officers.set(r.id, o);
    }
    if (r.number && r.issued_on && r.valid_until && r.status) {
      o.certificates.push({
        number: r.number,
        issuedOn: r.issued_on,
        validUntil: r.valid_until,
        status: r.status as CertificateStatus,
      });
      byCertificate.set(r.number, r.id);
    }
  }
  return { officers, byCertificate };
}

/** Active power items of the regions, keyed `region/code`. */
export async function importPowerItems(
  db: Executor,
  regionCodes: readonly string[],
): Promise<Map<string, { id: string; orgId: string }>> {
  if (regionCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('power_item')
    .select(['id', 'org_id', 'region_code', 'code'])
    .where('region_code', 'in', [...regionCodes])
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [`${r.region_code}/${r.code}`, { id: r.id, orgId: r.org_id }]));
}

/**
 * Which of the given (region, case number) pairs are already used (the number is unique in a
 * region, across orgs the importer may not see: only whether a number is taken is read, never the
 * case). Looked up on the (region_code, case_no) index a thousand pairs at a time, so the cost
 * follows the file, not the number of cases already in the regions. The pairs go as two arrays
 * (unnest), not as a thousand-tuple IN list: on the year-partitioned layout planning that list
 * against every partition took 300–900 ms a chunk, more than the lookups (docs/scale.md).
 */
export async function takenCaseNumbers(
  db: Executor,
  pairs: readonly { regionCode: string; caseNo: string }[],
): Promise<{ regionCode: string; caseNo: string }[]> {
  const taken: { regionCode: string; caseNo: string }[] = [];
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000);
    const rows = await sql<{ region_code: string; case_no: string }>`
      select c.region_code, c.case_no
      from unnest(${chunk.map((p) => p.regionCode)}::text[], ${chunk.map((p) => p.caseNo)}::text[])
        as k(region_code, case_no)
      join enforcement_case c on c.region_code = k.region_code and c.case_no = k.case_no`.execute(db);
    for (const r of rows.rows) taken.push({ regionCode: r.region_code, caseNo: r.case_no });
  }
  return taken;
}

/** The columns of enforcement_case an import fills, in COPY order (`caseCopyRows`). */
export const CASE_COPY_COLUMNS = [
  'id',
  'region_code',
  'org_id',
  'body_id',
  'power_item_id',
  'case_no',
  'category',
  'procedure',
  'party_kind',
  'party_name',
  'party_id_number',
  'party_uscc',
  'facts',
  'handler_ids',
  'major_reason',
  'status',
  'opened_on',
  'decided_on',
  'closed_on',
  'penalties',
  'amount',
  'is_major',
  'reviewed',
  'next_due_kind',
  'next_due_on',
  'action_count',
  'outcome',
  'created_by',
  'updated_by',
] as const;

/** The columns of enforcement_case_action an import fills, in COPY order. */
export const ACTION_COPY_COLUMNS = [
  'id',
  'case_id',
  'region_code',
  'case_opened_on',
  'org_id',
  'seq',
  'action',
  'occurred_on',
  'data',
  'actor_id',
  'actor_name',
] as const;

export const caseCopyRows = () => new CopyRows('enforcement_case', CASE_COPY_COLUMNS);
export const actionCopyRows = () => new CopyRows('enforcement_case_action', ACTION_COPY_COLUMNS);

/** The cases of a filtered ledger as the import columns hold them (for the export). */
export async function exportCaseRows(db: Executor, scope: Scope, f: CaseFilter, limit: number) {
  let q = withOrg(db, 'enforcement_case', 'c')
    .innerJoin('enforcement_body as b', 'b.id', 'c.body_id')
    .leftJoin('power_item as p', 'p.id', 'c.power_item_id')
    .select([
      'c.case_no',
      'c.category',
      'b.name as body_name',
      'g.name as org_name',
      'c.procedure',
      'c.party_kind',
      'c.party_name',
      'c.party_id_number',
      'c.party_uscc',
      'c.facts',
      'p.code as power_item_code',
      ...OUTCOME_COLUMNS,
      sql<
        string[]
      >`array(select coalesce((select e.number from enforcement_certificate e where e.officer_id = h.id
        order by (e.issued_on <= c.opened_on and e.valid_until >= c.opened_on) desc, e.valid_until desc limit 1), '')
        from unnest(c.handler_ids) with ordinality as h(id, n) order by h.n)`.as('certificates'),
      sql<string | null>`(select a.occurred_on::text from enforcement_case_action a where a.case_id = c.id
        and a.action in ('serve', 'onTheSpot') order by a.seq limit 1)`.as('served_on'),
      sql<string | null>`(select a.data->>'decisionNo' from enforcement_case_action a where a.case_id = c.id
        and a.action in ('decide', 'onTheSpot') order by a.seq limit 1)`.as('decision_no'),
    ])
    .where(inScope(scope, 'c'));
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.orgId) q = q.where('c.org_id', '=', f.orgId);
  if (f.procedure) q = q.where('c.procedure', '=', f.procedure);
  if (f.openedFrom) q = q.where('c.opened_on', '>=', f.openedFrom);
  if (f.openedTo) q = q.where('c.opened_on', '<=', f.openedTo);
  return q.orderBy('c.opened_on').orderBy('c.case_no').limit(limit).execute();
}
