import type { Scope } from '../../platform/context.js';
import { ledgerPage, type ListTotal } from '../../platform/paging.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { DrawFailure, DrawPick } from './draw.js';
import type { RiskGrade } from './draw-input.js';
import type { StoredDraw } from './draw-verify.js';
import { idsOrNone, type Page, presented } from './registry-store.js';
import './tables.js';

export interface DrawRecord {
  id: string;
  taskId: string;
  taskName: string;
  planId: string;
  orgId: string;
  regionCode: string;
  status: 'committed' | 'drawn' | 'failed';
  algorithm: string;
  candidatesHash: string;
  inspectorsHash: string;
  conflictsHash: string;
  paramsHash: string;
  commitment: string;
  committedAt: Date;
  drawnAt: Date | null;
  serverRandom: string | null;
  seed: string | null;
  resultHash: string | null;
  candidateCount: number;
  drawnCount: number | null;
  failure: DrawFailure | null;
}

function drawQuery(db: Executor, scope: Scope) {
  return db
    .selectFrom('inspection_draw as d')
    .innerJoin('inspection_task as t', 't.id', 'd.task_id')
    .where(inScope(scope, 'd'));
}

export async function listDraws(
  db: Executor,
  scope: Scope,
  f: { taskId?: string | undefined; status?: string | undefined; ids?: readonly string[] },
  page: Page = { offset: 0, limit: 1000 },
): Promise<{ items: DrawRecord[] } & ListTotal> {
  let q = drawQuery(db, scope);
  if (f.taskId) q = q.where('d.task_id', '=', f.taskId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.ids) q = q.where('d.id', 'in', idsOrNone(f.ids));
  return presented(
    await ledgerPage(db, q, page, (l) =>
      l
        .select([
          'd.id',
          'd.task_id',
          't.name as task_name',
          't.plan_id',
          'd.org_id',
          'd.region_code',
          'd.status',
          'd.algorithm',
          'd.candidates_hash',
          'd.inspectors_hash',
          'd.conflicts_hash',
          'd.params_hash',
          'd.commitment',
          'd.committed_at',
          'd.drawn_at',
          'd.server_random',
          'd.seed',
          'd.result_hash',
          'd.candidate_count',
          'd.drawn_count',
          'd.failure',
        ])
        .orderBy('d.committed_at', 'desc')
        .orderBy('d.id'),
    ),
    (r) => ({
      id: r.id,
      taskId: r.task_id,
      taskName: r.task_name,
      planId: r.plan_id,
      orgId: r.org_id,
      regionCode: r.region_code,
      status: r.status as DrawRecord['status'],
      algorithm: r.algorithm,
      candidatesHash: r.candidates_hash,
      inspectorsHash: r.inspectors_hash,
      conflictsHash: r.conflicts_hash,
      paramsHash: r.params_hash,
      commitment: r.commitment,
      committedAt: r.committed_at,
      drawnAt: r.drawn_at,
      serverRandom: r.server_random,
      seed: r.seed,
      resultHash: r.result_hash,
      candidateCount: r.candidate_count,
      drawnCount: r.drawn_count,
      failure: (r.failure as DrawFailure | null) ?? null,
    }),
  );
}

/** Everything `verifyDraw` needs, read back exactly as stored. */
export async function loadStoredDraw(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<StoredDraw | undefined> {
  const d = await db
    .selectFrom('inspection_draw as d')
    .selectAll('d')
    .where('d.id', '=', id)
    .where(inScope(scope, 'd'))
    .executeTakeFirst();
  if (!d) return undefined;
  const targets = await db
    .selectFrom('inspection_target')
    .select(['inspectee_id', 'stratum', 'inspector_ids'])
    .where('draw_id', '=', id)
    .orderBy('seq')
    .execute();
  const picks: DrawPick[] = targets.map((t) => ({
    inspecteeId: t.inspectee_id,
    stratum: t.stratum as RiskGrade,
    inspectorIds: t.inspector_ids,
  }));
  const failure = d.failure as { rule?: unknown } | null;
  return {
    frozenInput: d.frozen_input,
    candidatesHash: d.candidates_hash,
    inspectorsHash: d.inspectors_hash,
    conflictsHash: d.conflicts_hash,
    paramsHash: d.params_hash,
    commitment: d.commitment,
    status: d.status as StoredDraw['status'],
    reveal:
      d.drawn_at && d.server_random
        ? { drawnAt: d.drawn_at.toISOString(), serverRandom: d.server_random }
        : null,
    seed: d.seed,
    resultHash: d.result_hash,
    picks,
    failure:
      failure && typeof failure.rule === 'string' ? { rule: failure.rule as DrawFailure['rule'] } : null,
  };
}

/** Inspections already assigned to each inspector in tasks ending in `year` (the starting load). */
export async function priorLoads(
  db: Executor,
  regionCode: string,
  year: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .where('t.region_code', '=', regionCode)
    .where('t.end_on', '>=', `${year}-01-01`)
    .where('t.end_on', '<=', `${year}-12-31`)
    .select((eb) => [eb.fn<string>('unnest', ['g.inspector_ids']).as('inspector_id')])
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.inspector_id, (out.get(r.inspector_id) ?? 0) + 1);
  return out;
}
