import { sql } from 'kysely';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { HandlerRecord } from './case-checks.js';
import type { CaseFilter } from './case-store.js';
import type { CertificateStatus } from './officer-schema.js';
import './tables.js';
import '../org/tables.js';

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
 * Case numbers already used in the regions (the number is unique in a region, across orgs the
 * importer may not see: only whether a number is taken is read, never the case).
 */
export async function usedCaseNumbers(db: Executor, regionCodes: readonly string[]): Promise<Set<string>> {
  if (regionCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('enforcement_case')
    .select(['region_code', 'case_no'])
    .where('region_code', 'in', [...regionCodes])
    .execute();
  return new Set(rows.map((r) => `${r.region_code}/${r.case_no}`));
}

/** Columns of enforcement_case written by an import, one array per column (for `unnest`). */
export interface CaseColumns {
  id: string[];
  region_code: string[];
  org_id: string[];
  body_id: string[];
  power_item_id: (string | null)[];
  case_no: string[];
  category: string[];
  procedure: string[];
  outcome: (string | null)[];
  party_kind: string[];
  party_name: string[];
  party_id_number: (string | null)[];
  party_uscc: (string | null)[];
  facts: string[];
  /** array literals, e.g. '{uuid,uuid}' */
  handler_ids: string[];
  major_reason: (string | null)[];
  status: string[];
  opened_on: string[];
  decided_on: (string | null)[];
  closed_on: (string | null)[];
  penalties: string[];
  amount: (string | null)[];
  is_major: boolean[];
  reviewed: boolean[];
  next_due_kind: (string | null)[];
  next_due_on: (string | null)[];
  action_count: number[];
}

export interface ActionColumns {
  id: string[];
  case_id: string[];
  region_code: string[];
  org_id: string[];
  seq: number[];
  action: string[];
  occurred_on: string[];
  data: string[];
  actor_id: (string | null)[];
  actor_name: string[];
}

/**
 * Writes a batch of cases and their acts with one `insert … select from unnest(…)` per table:
 * a fixed number of parameters whatever the batch size, the fastest bulk path that runs on both
 * engines without COPY.
 */
export async function insertCaseBatch(
  trx: Executor,
  c: CaseColumns,
  a: ActionColumns,
  userId: string | null,
): Promise<void> {
  if (c.id.length > 0)
    await sql`
      insert into enforcement_case (id, region_code, org_id, body_id, power_item_id, case_no, category, procedure,
        party_kind, party_name, party_id_number, party_uscc, facts, handler_ids, major_reason, status, opened_on,
        decided_on, closed_on, penalties, amount, is_major, reviewed, next_due_kind, next_due_on, action_count,
        outcome, created_by, updated_by)
      select id, region_code, org_id, body_id, power_item_id, case_no, category, procedure, party_kind, party_name,
        party_id_number, party_uscc, facts, handler_ids::uuid[], major_reason, status, opened_on, decided_on,
        closed_on, penalties::text[], amount, is_major, reviewed, next_due_kind, next_due_on, action_count,
        outcome, ${userId}::uuid, ${userId}::uuid
      from unnest(${c.id}::uuid[], ${c.region_code}::text[], ${c.org_id}::uuid[], ${c.body_id}::uuid[],
        ${c.power_item_id}::uuid[], ${c.case_no}::text[], ${c.category}::text[], ${c.procedure}::text[],
        ${c.party_kind}::text[], ${c.party_name}::text[], ${c.party_id_number}::text[], ${c.party_uscc}::text[],
        ${c.facts}::text[], ${c.handler_ids}::text[], ${c.major_reason}::text[], ${c.status}::text[],
        ${c.opened_on}::date[], ${c.decided_on}::date[], ${c.closed_on}::date[], ${c.penalties}::text[],
        ${c.amount}::numeric[], ${c.is_major}::boolean[], ${c.reviewed}::boolean[], ${c.next_due_kind}::text[],
        ${c.next_due_on}::date[], ${c.action_count}::int[], ${c.outcome}::text[])
        as t(id, region_code, org_id, body_id, power_item_id, case_no, category, procedure, party_kind, party_name,
          party_id_number, party_uscc, facts, handler_ids, major_reason, status, opened_on, decided_on, closed_on,
          penalties, amount, is_major, reviewed, next_due_kind, next_due_on, action_count, outcome)
    `.execute(trx);
  if (a.id.length > 0)
    await sql`
      insert into enforcement_case_action (id, case_id, region_code, org_id, seq, action, occurred_on, data,
        actor_id, actor_name)
      select id, case_id, region_code, org_id, seq, action, occurred_on, data::jsonb, actor_id, actor_name
      from unnest(${a.id}::uuid[], ${a.case_id}::uuid[], ${a.region_code}::text[], ${a.org_id}::uuid[],
        ${a.seq}::int[], ${a.action}::text[], ${a.occurred_on}::date[], ${a.data}::text[], ${a.actor_id}::uuid[],
        ${a.actor_name}::text[])
        as t(id, case_id, region_code, org_id, seq, action, occurred_on, data, actor_id, actor_name)
    `.execute(trx);
}

/** The cases of a filtered ledger as the import columns hold them (for the export). */
export async function exportCaseRows(db: Executor, scope: Scope, f: CaseFilter, limit: number) {
  let q = db
    .selectFrom('enforcement_case as c')
    .innerJoin('org as g', 'g.id', 'c.org_id')
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
      'c.opened_on',
      'c.decided_on',
      'c.closed_on',
      'c.penalties',
      'c.amount',
      'c.is_major',
      'c.reviewed',
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
