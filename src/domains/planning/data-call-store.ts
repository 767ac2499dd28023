import { type Selectable, sql } from 'kysely';
import type { Scope } from '../../platform/context.js';
import { ledgerPage, type PageRequest } from '../../platform/paging.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import {
  type DataCall,
  type DataCallItem,
  type DataCallStatus,
  type DataCallSummary,
  dataCallStatusLabels,
  type SubmissionStatus,
  type SubmissionSummary,
  submissionStatusLabels,
} from './schema.js';
import type { DataCallTable } from './tables.js';

/** Calls with unanswered units whose deadline is passed (`before`) or falls in [from, to] (临期). */
export type DataCallDueWindow = { before: string } | { from: string; to: string };

/** What the ledger and a call's page show of a call (`data_call as c` joined to its `org as o`). */
const callColumns = [
  'c.id',
  'c.title',
  'c.org_id',
  'o.name as org_name',
  'c.period_from',
  'c.period_to',
  'c.deadline',
  'c.status',
  'c.version',
] as const;

type CallRow = Pick<
  Selectable<DataCallTable>,
  'id' | 'org_id' | 'title' | 'period_from' | 'period_to' | 'deadline' | 'status' | 'version'
> & { org_name: string };

function presentCall(r: CallRow): DataCallSummary {
  const status = r.status as DataCallStatus;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    deadline: r.deadline,
    status,
    statusLabel: dataCallStatusLabels[status],
    version: r.version,
  };
}

export async function listDataCalls(db: Executor, scope: Scope, page: PageRequest, due?: DataCallDueWindow) {
  let q = db
    .selectFrom('data_call as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inScope(scope, 'c'));
  if (due) {
    q = q
      .where('c.status', '!=', 'draft')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('data_call_submission as s')
            .select('s.id')
            .whereRef('s.call_id', '=', 'c.id')
            .where('s.status', 'in', ['pending', 'returned']),
        ),
      );
    q =
      'before' in due
        ? q.where('c.deadline', '<', due.before)
        : q.where('c.deadline', '>=', due.from).where('c.deadline', '<=', due.to);
  }
  const { rows, ...count } = await ledgerPage(db, q, page, (l) =>
    l
      .select(callColumns)
      // open calls by deadline first (逾期 rises, then 临期, as the page tags them); the rest newest first
      .orderBy(sql`c.status = 'open'`, 'desc')
      .orderBy(sql`case when c.status = 'open' then c.deadline end`)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id'),
  );
  return {
    items: rows.map(presentCall),
    ...count,
  };
}

/** A call with its items and the answers of its target units; undefined outside the scope. */
export async function findDataCall(db: Executor, scope: Scope, id: string): Promise<DataCall | undefined> {
  const c = await db
    .selectFrom('data_call as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select(callColumns)
    .where('c.id', '=', id)
    .where(inScope(scope, 'c'))
    .executeTakeFirst();
  if (!c) return undefined;
  return {
    ...presentCall(c),
    items: await listItems(db, id),
    submissions: await listSubmissions(db, id),
  };
}

export async function listItems(db: Executor, callId: string): Promise<DataCallItem[]> {
  const rows = await db
    .selectFrom('data_call_item')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    metricId: r.metric_id,
    source: r.source === 'computed' ? 'computed' : 'reported',
    name: r.name,
    unit: r.unit,
    definition: r.definition,
  }));
}

async function listSubmissions(db: Executor, callId: string): Promise<SubmissionSummary[]> {
  const rows = await db
    .selectFrom('data_call_submission as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .select(['s.id', 's.org_id', 'o.name as org_name', 's.status', 's.return_reason', 's.version'])
    .where('s.call_id', '=', callId)
    .orderBy('o.tree_rank')
    .execute();
  return rows.map(presentSummary);
}

function presentSummary(r: {
  id: string;
  org_id: string;
  org_name: string;
  status: string;
  return_reason: string | null;
  version: number;
}): SubmissionSummary {
  const status = r.status as SubmissionStatus;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    status,
    statusLabel: submissionStatusLabels[status],
    returnReason: r.return_reason,
    version: r.version,
  };
}

/** A unit's answer as its own scope sees it (or the scope of the office that issued the call). */
export async function findSubmission(db: Executor, scope: Scope, id: string) {
  const r = await db
    .selectFrom('data_call_submission as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .innerJoin('data_call as c', 'c.id', 's.call_id')
    .select([
      's.id',
      's.org_id',
      's.region_code',
      'o.name as org_name',
      's.status',
      's.return_reason',
      's.version',
      'c.id as call_id',
      'c.org_id as call_org_id',
      'c.title',
      'c.period_from',
      'c.period_to',
      'c.deadline',
      'c.status as call_status',
    ])
    .where('s.id', '=', id)
    .where((eb) => eb.or([inScope(scope, 's'), inScope(scope, 'c')]))
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...presentSummary(r),
    regionCode: r.region_code,
    callId: r.call_id,
    callOrgId: r.call_org_id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    deadline: r.deadline,
    callStatus: r.call_status as DataCallStatus,
  };
}

export async function listFigures(db: Executor, submissionId: string) {
  const rows = await db
    .selectFrom('data_call_figure')
    .select(['item_id', 'value', 'unit', 'evidence_text', 'evidence_hash'])
    .where('submission_id', '=', submissionId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.item_id,
      { value: Number(r.value), unit: r.unit, evidenceText: r.evidence_text, evidenceHash: r.evidence_hash },
    ]),
  );
}

/** Answers of units inside the scope, newest first (a unit's inbox). */
export async function listMySubmissions(
  db: Executor,
  scope: Scope,
  page: PageRequest,
  statuses?: readonly SubmissionStatus[],
) {
  let q = db
    .selectFrom('data_call_submission as s')
    .innerJoin('data_call as c', 'c.id', 's.call_id')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .where('c.status', '!=', 'draft')
    .where(inScope(scope, 's'));
  if (statuses?.length) q = q.where('s.status', 'in', statuses);
  const { rows, ...count } = await ledgerPage(db, q, page, (l) =>
    l
      .select([
        's.id',
        's.org_id',
        'o.name as org_name',
        's.status',
        's.return_reason',
        's.version',
        'c.title',
        'c.deadline',
      ])
      // answers still to give by deadline first (逾期 rises, then 临期, as the page tags them); the rest newest first
      .orderBy(sql`s.status in ('pending', 'returned')`, 'desc')
      .orderBy(sql`case when s.status in ('pending', 'returned') then c.deadline end`)
      .orderBy('c.deadline', 'desc')
      .orderBy('s.id'),
  );
  return {
    items: rows.map((r) => ({ ...presentSummary(r), title: r.title, deadline: r.deadline })),
    ...count,
  };
}

/**
 * Filed figures of `metricIds` by the given orgs whose value, or whose submission's state
 * (submitted, accepted, returned), changed after `since` — why a filed figure of a report moved
 * between two versions. Oldest first.
 */
export async function filingsChangedSince(
  db: Executor,
  orgIds: readonly string[],
  metricIds: readonly string[],
  since: Date,
) {
  if (orgIds.length === 0 || metricIds.length === 0) return [];
  return db
    .selectFrom('data_call_figure as f')
    .innerJoin('data_call_submission as s', 's.id', 'f.submission_id')
    .innerJoin('data_call as c', 'c.id', 's.call_id')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .select([
      'f.metric_id',
      'o.name as org_name',
      'c.title as call_title',
      'f.value',
      'f.unit',
      's.status',
      'f.updated_at',
      's.updated_at as submission_updated_at',
    ])
    .where('f.org_id', 'in', orgIds)
    .where('f.metric_id', 'in', metricIds)
    .where((eb) => eb.or([eb('f.updated_at', '>', since), eb('s.updated_at', '>', since)]))
    .orderBy('f.updated_at')
    .execute();
}
