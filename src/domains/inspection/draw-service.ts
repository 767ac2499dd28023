import { insertInBatches } from '../../platform/service/batches.js';
import { randomBytes } from 'node:crypto';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import { newId, writeTx } from '../../platform/db/tx.js';
import { conflict, type DomainError, invalid, notFound } from '../../platform/errors.js';
import { authorize } from '../org/policy.js';
import {
  ALGORITHM,
  checkDrawInput,
  type DrawFailure,
  type DrawInput,
  drawHashes,
  drawSeed,
  runDraw,
} from './draw.js';
import { canonicalJson } from './draw-hash.js';
import { DrawInputSchema } from './draw-input.js';
import { type DrawRecord, listDraws, loadStoredDraw, priorLoads } from './draw-store.js';
import { type Verification, verifyDraw } from './draw-verify.js';
import { drawOf, getTask } from './plan-service.js';
import type { Task } from './plan-store.js';
import { candidateRows, conflictRows, listInspectors } from './registry-store.js';
import { listedRecord } from './registry-service.js';

const ruleFields: Partial<Record<DrawFailure['rule'], string>> = {
  ratioRange: 'ratioPercent',
  countRange: 'count',
  emptyCandidates: 'filter',
  inspectorsPerInspectee: 'inspectorsPerInspectee',
  certified: 'inspectors',
  poolSize: 'inspectors',
  jointStaffing: 'inspectors',
  minInspectors: 'inspectors',
};

/** A rule the draw cannot meet: 400 with the rule's name, nothing drawn. */
export function drawRuleError(f: DrawFailure): DomainError {
  return invalid('inspection.drawRule', f.message, ruleFields[f.rule], { rule: f.rule, details: f.details });
}

/**
 * Freezes a task's inputs: candidates are the active inspectees registered by the participating
 * orgs and matching the filter; the pool is the participating orgs' active inspectors whose
 * certificate is valid through the task's last day; conflicts touching a candidate; the load
 * already assigned to each inspector in tasks ending the same year. Read without the caller's
 * scope (a joint task draws from every participant), bounded by the task's region.
 */
export async function buildDrawInput(ctx: Ctx, task: Task): Promise<DrawInput> {
  const scope = { ...ALL_SCOPE, regionCodes: [task.regionCode] };
  const candidates = await candidateRows(ctx.db, scope, {
    orgIds: task.participantOrgIds,
    industries: task.industries,
    locationCodes: task.locationCodes,
    riskGrades: task.riskGrades,
  });
  const inspectors = (
    await listInspectors(ctx.db, scope, { orgIds: task.participantOrgIds, validOn: task.endOn })
  ).items;
  const candidateSet = new Set(candidates.map((c) => c[0]));
  const conflicts: DrawInput['conflicts'] = (await conflictRows(ctx.db, task.regionCode))
    .filter((c) => candidateSet.has(c.inspecteeId))
    .map((c): DrawInput['conflicts'][number] =>
      c.inspectorId ? [c.inspecteeId, 'inspector', c.inspectorId] : [c.inspecteeId, 'org', c.orgId ?? ''],
    )
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : a.join('|') > b.join('|') ? 1 : 0));
  const loads = await priorLoads(ctx.db, task.regionCode, Number(task.endOn.slice(0, 4)));
  const bp = task.ratioPercent;
  return {
    algorithm: ALGORITHM,
    taskId: task.id,
    params: {
      mode: task.mode,
      ratioBp: {
        A: Math.round(bp.A * 100),
        B: Math.round(bp.B * 100),
        C: Math.round(bp.C * 100),
        D: Math.round(bp.D * 100),
      },
      count: task.count ?? 0,
      inspectorsPerInspectee: task.inspectorsPerInspectee,
      participantOrgIds: [...task.participantOrgIds].sort(),
      joint: task.planKind === 'joint',
      certifiedThrough: task.endOn,
    },
    candidates,
    inspectors: inspectors.map((i) => [i.id, i.orgId, i.certificateNumber, i.certificateValidUntil]),
    conflicts,
    priorLoad: inspectors.filter((i) => loads.has(i.id)).map((i) => [i.id, loads.get(i.id) ?? 0]),
  };
}

export async function getDraw(ctx: Ctx, id: string): Promise<DrawRecord> {
  const draws = await listDraws(ctx.db, ctx.scope, { ids: [id] });
  return listedRecord(draws, 'inspection.drawNotFound', '抽取记录不存在或不在您的权限范围内');
}

/** Step 1–2: freeze and hash the inputs and record the commitment. Refused if the task already has a live draw. */
export async function commitDraw(ctx: Ctx, taskId: string): Promise<DrawRecord> {
  authorize(ctx.actor, 'inspection:draw:run');
  const task = await getTask(ctx, taskId);
  if (task.drawId)
    throw conflict(
      'inspection.alreadyDrawn',
      `该任务已${task.drawStatus === 'drawn' ? '完成抽取' : '记录抽取承诺'},不能重复抽取`,
      { drawId: task.drawId },
    );
  const input = await buildDrawInput(ctx, task);
  const bad = checkDrawInput(input);
  if (bad) throw drawRuleError(bad);
  const hashes = drawHashes(input);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const live = await drawOf(trx, [taskId], false);
    if (live)
      throw conflict('inspection.alreadyDrawn', '该任务已记录抽取承诺,不能重复抽取', { drawId: live.id });
    await trx
      .insertInto('inspection_draw')
      .values({
        id,
        region_code: task.regionCode,
        org_id: task.orgId,
        task_id: task.id,
        algorithm: input.algorithm,
        frozen_input: canonicalJson(input),
        ...{
          candidates_hash: hashes.candidatesHash,
          inspectors_hash: hashes.inspectorsHash,
          conflicts_hash: hashes.conflictsHash,
          params_hash: hashes.paramsHash,
        },
        commitment: hashes.commitment,
        committed_at: ctx.now(),
        status: 'committed',
        candidate_count: input.candidates.length,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    audit({
      action: 'inspection.draw.commit',
      entity: 'inspection_draw',
      entityId: id,
      orgId: task.orgId,
      regionCode: task.regionCode,
      change: { taskId, ...hashes, candidates: input.candidates.length, inspectors: input.inspectors.length },
    });
  });
  return getDraw(ctx, id);
}

export interface DrawOptions {
  /**
   * Only for the deterministic demo database: a fixed server random instead of 32 fresh random
   * bytes. Not reachable through the HTTP API.
   */
  serverRandom?: string;
}

/**
 * Steps 3–6: fix the reveal (now + 32 random bytes), derive the seed, run the draw and store
 * the targets. A rule that cannot be met marks the draw failed (recorded, verifiable) and
 * throws; nothing is drawn and the task may be committed again once the data are fixed.
 */
export async function executeDraw(ctx: Ctx, drawId: string, opts: DrawOptions = {}): Promise<DrawRecord> {
  authorize(ctx.actor, 'inspection:draw:run');
  const draw = await getDraw(ctx, drawId);
  if (draw.status !== 'committed')
    throw conflict('inspection.alreadyDrawn', '该抽取已完成或已失败,不能重新抽取', { drawId });
  const row = await ctx.db
    .selectFrom('inspection_draw')
    .select('frozen_input')
    .where('id', '=', drawId)
    .executeTakeFirstOrThrow();
  const input = DrawInputSchema.parse(JSON.parse(row.frozen_input));
  const drawnAt = ctx.now();
  const reveal = {
    drawnAt: drawnAt.toISOString(),
    serverRandom: opts.serverRandom ?? randomBytes(32).toString('hex'),
  };
  if (!/^[0-9a-f]{64}$/.test(reveal.serverRandom))
    throw invalid('inspection.serverRandom', '服务器随机值应为 64 位十六进制', 'serverRandom');
  const seed = drawSeed(draw.commitment, reveal);
  const out = runDraw(input, seed);
  const scopeOf = { orgId: draw.orgId, regionCode: draw.regionCode };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const common = {
      drawn_at: drawnAt,
      server_random: reveal.serverRandom,
      seed,
      updated_by: ctx.actor.userId,
      updated_at: drawnAt,
    };
    if (!out.ok) {
      await trx
        .updateTable('inspection_draw')
        .set({ ...common, status: 'failed', failure: JSON.stringify(out.failure) })
        .where('id', '=', drawId)
        .where('status', '=', 'committed')
        .execute();
      audit({
        action: 'inspection.draw.fail',
        entity: 'inspection_draw',
        entityId: drawId,
        ...scopeOf,
        change: { reveal, seed, failure: out.failure },
      });
      return;
    }
    const rows = out.picks.map((p, seq) => ({
      id: newId(),
      region_code: draw.regionCode,
      org_id: draw.orgId,
      draw_id: drawId,
      task_id: draw.taskId,
      seq,
      inspectee_id: p.inspecteeId,
      stratum: p.stratum,
      inspector_ids: p.inspectorIds,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    }));
    await insertInBatches(trx, 'inspection_target', rows, 1000);
    const res = await trx
      .updateTable('inspection_draw')
      .set({ ...common, status: 'drawn', result_hash: out.resultHash, drawn_count: out.picks.length })
      .where('id', '=', drawId)
      .where('status', '=', 'committed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict('inspection.alreadyDrawn', '该抽取已被他人执行', { drawId });
    audit({
      action: 'inspection.draw.run',
      entity: 'inspection_draw',
      entityId: drawId,
      ...scopeOf,
      change: { reveal, seed, resultHash: out.resultHash, drawn: out.picks.length, strata: out.strata },
    });
  });
  if (!out.ok) throw drawRuleError(out.failure);
  return getDraw(ctx, drawId);
}

/** Commit, then draw: two transactions, so the commitment is on record before the reveal exists. */
export async function drawTask(ctx: Ctx, taskId: string, opts: DrawOptions = {}): Promise<DrawRecord> {
  const committed = await commitDraw(ctx, taskId);
  return executeDraw(ctx, committed.id, opts);
}

export async function verifyStoredDraw(ctx: Ctx, id: string): Promise<Verification & { drawId: string }> {
  const stored = await loadStoredDraw(ctx.db, ctx.scope, id);
  if (!stored) throw notFound('inspection.drawNotFound', '抽取记录不存在或不在您的权限范围内');
  return { drawId: id, ...verifyDraw(stored) };
}

export { listDraws };
