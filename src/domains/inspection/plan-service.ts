import type { Ctx } from '../../platform/context.js';
import {
  insertAudited,
  newId,
  staleVersion,
  updateVersioned,
  writeTx,
  ownedBy,
} from '../../platform/db/tx.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import type { Executor, Tx } from '../../platform/db/types.js';
import { conflict, invalid } from '../../platform/errors.js';
import { authorize } from '../org/policy.js';
import { listPlans, listTasks, type Plan, type Task } from './plan-store.js';
import { findOrgRow, listChecklistItems } from './registry-store.js';
import { listedRecord, orgForWrite } from './registry-service.js';
import {
  CreatePlanInput,
  CreateTaskInput,
  toBp,
  UpdatePlanInput,
  UpdateTaskInput,
  VersionQuery,
} from './schema.js';

export async function getPlan(ctx: Ctx, id: string): Promise<Plan> {
  const plans = await listPlans(ctx.db, ctx.scope, { ids: [id] });
  return listedRecord(plans, 'inspection.planNotFound', '抽查计划不存在或不在您的权限范围内');
}

export async function getTask(ctx: Ctx, id: string): Promise<Task> {
  const tasks = await listTasks(ctx.db, ctx.scope, { ids: [id] });
  return listedRecord(tasks, 'inspection.taskNotFound', '抽查任务不存在或不在您的权限范围内');
}

/** A department plan belongs to one org; a joint plan to its lead org, with every participant listed. */
export async function createPlan(ctx: Ctx, raw: unknown): Promise<Plan> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const input = CreatePlanInput.parse(raw);
  const lead = await orgForWrite(ctx, input.leadOrgId, 'leadOrgId');
  const others = [...new Set(input.participantOrgIds.filter((id) => id !== lead.id))];
  if (input.kind === 'department' && others.length > 0) {
    throw invalid(
      'inspection.departmentParticipants',
      '部门抽查计划只有本单位,参与单位请建联合抽查计划',
      'participantOrgIds',
    );
  }
  if (input.kind === 'joint' && others.length === 0) {
    throw invalid(
      'inspection.jointParticipants',
      '联合抽查计划至少要有一个牵头单位以外的参与单位',
      'participantOrgIds',
    );
  }
  for (const [i, id] of others.entries()) {
    const org = await findOrgRow(ctx.db, id);
    if (!org) throw invalid('inspection.badParticipant', '参与单位不存在', `participantOrgIds.${i}`);
    if (org.region_code.slice(0, 6) !== lead.region_code.slice(0, 6)) {
      throw invalid(
        'inspection.participantRegion',
        `参与单位“${org.name}”不在牵头单位所在的行政区划内`,
        `participantOrgIds.${i}`,
      );
    }
  }
  const id = newId();
  await insertAudited(ctx, 'inspection_plan', 'inspection.plan.create', {
    ...ownedBy(id, lead),
    year: input.year,
    name: input.name,
    kind: input.kind,
    participant_org_ids: [lead.id, ...others].sort(),
    note: input.note ?? '',
  });
  return getPlan(ctx, id);
}

async function checkTask(
  ctx: Ctx,
  plan: Plan,
  input: { checklistItemIds: string[]; startOn: string; endOn: string },
) {
  const items = (await listChecklistItems(ctx.db, ctx.scope, { ids: input.checklistItemIds })).items;
  for (const [i, id] of input.checklistItemIds.entries()) {
    const item = items.find((x) => x.id === id);
    if (!item)
      throw invalid(
        'inspection.badChecklistItem',
        '抽查事项不存在或不在您的权限范围内',
        `checklistItemIds.${i}`,
      );
    if (!plan.participantOrgIds.includes(item.orgId)) {
      throw invalid(
        'inspection.checklistItemOrg',
        `抽查事项“${item.matter}”不属于本计划的参与单位`,
        `checklistItemIds.${i}`,
      );
    }
  }
  if (Number(input.startOn.slice(0, 4)) !== plan.year) {
    throw invalid('inspection.taskYear', `任务开始日期应在计划年度 ${plan.year} 年内`, 'startOn');
  }
}

function taskColumns(input: ReturnType<typeof CreateTaskInput.parse>) {
  const r = input.ratioPercent;
  return {
    name: input.name,
    checklist_item_ids: input.checklistItemIds,
    mode: input.mode,
    ratio_bp: JSON.stringify(
      input.mode === 'ratio' && r ? { A: toBp(r.A), B: toBp(r.B), C: toBp(r.C), D: toBp(r.D) } : {},
    ),
    count: input.mode === 'count' ? (input.count ?? null) : null,
    filter_industries: [...new Set(input.industries)].sort(),
    filter_locations: [...new Set(input.locationCodes)].sort(),
    filter_risk_grades: [...new Set(input.riskGrades)].sort(),
    inspectors_per_inspectee: input.inspectorsPerInspectee,
    start_on: input.startOn,
    end_on: input.endOn,
  };
}

export async function createTask(ctx: Ctx, raw: unknown): Promise<Task> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const input = CreateTaskInput.parse(raw);
  const plan = await getPlan(ctx, input.planId);
  await checkTask(ctx, plan, input);
  const id = newId();
  await insertAudited(ctx, 'inspection_task', 'inspection.task.create', {
    id,
    region_code: plan.regionCode,
    org_id: plan.orgId,
    plan_id: plan.id,
    ...taskColumns(input),
  });
  return getTask(ctx, id);
}

const taskFrozen = (drawId: string) =>
  conflict('inspection.frozen', '该任务已记录抽取承诺,名单和参数已冻结,不能修改', {
    field: 'version',
    drawId,
  });

/** Once a commitment is recorded the task's list and parameters are frozen: editing is refused. */
export async function updateTask(ctx: Ctx, id: string, raw: unknown): Promise<Task> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const input = UpdateTaskInput.parse(raw);
  const before = await getTask(ctx, id);
  if (before.drawId) throw taskFrozen(before.drawId);
  const plan = await getPlan(ctx, before.planId);
  await checkTask(ctx, plan, input);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const cols = taskColumns({ ...input, planId: plan.id });
    // the draw check repeats inside the transaction: a commitment may have landed meanwhile
    const live = await drawOf(trx, [id], false);
    if (live) throw taskFrozen(live.id);
    await updateVersioned(trx, ctx, 'inspection_task', id, input.version, cols);
    audit(recordEntry('inspection_task', before, 'inspection.task.update', { after: cols }));
  });
  return getTask(ctx, id);
}

/**
 * A draw record of any of these tasks (a sealed list, a draw, or with `withFailed` a failed
 * attempt): once there is one, the plan and task are part of the public record and can no longer
 * be removed; a live one (not failed) freezes the task's list and parameters and refuses a new draw.
 */
export async function drawOf(db: Executor, taskIds: readonly string[], withFailed: boolean) {
  if (taskIds.length === 0) return undefined;
  let q = db
    .selectFrom('inspection_draw')
    .select('id')
    .where('task_id', 'in', [...taskIds]);
  if (!withFailed) q = q.where('status', '<>', 'failed');
  return q.executeTakeFirst();
}

/** The audit entry of a change to a plan or task as read before it (entity the table, its org and region). */
function recordEntry(
  table: 'inspection_plan' | 'inspection_task',
  before: Plan | Task,
  action: string,
  change: { before?: unknown; after?: unknown },
): AuditInput {
  return {
    action,
    entity: table,
    entityId: before.id,
    orgId: before.orgId,
    regionCode: before.regionCode,
    change,
  };
}

/** Deletes a plan or task row only if it is still at the `version` the caller read (conflict.stale otherwise). */
async function deleteVersioned(
  trx: Tx,
  table: 'inspection_plan' | 'inspection_task',
  id: string,
  version: number,
): Promise<void> {
  const res = await trx
    .deleteFrom(table)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw staleVersion();
}

const planDrawn = (drawId: string) =>
  conflict('inspection.planDrawn', '该计划已有任务记录了抽取,计划不能再修改或删除', {
    field: 'version',
    drawId,
  });

/** Year, name and note of a plan, before any of its tasks is drawn (a task's dates stay in the year). */
export async function updatePlan(ctx: Ctx, id: string, raw: unknown): Promise<Plan> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const input = UpdatePlanInput.parse(raw);
  const before = await getPlan(ctx, id);
  await orgForWrite(ctx, before.orgId, 'version');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const tasks = await trx
      .selectFrom('inspection_task')
      .select(['id', 'start_on'])
      .where('plan_id', '=', id)
      .execute();
    const drawn = await drawOf(
      trx,
      tasks.map((t) => t.id),
      false,
    );
    if (drawn) throw planDrawn(drawn.id);
    const outside = tasks.find((t) => Number(String(t.start_on).slice(0, 4)) !== input.year);
    if (outside)
      throw invalid(
        'inspection.planYear',
        `计划下已有任务的开始日期不在 ${input.year} 年内,请先修改任务期间`,
        'year',
      );
    const cols = { year: input.year, name: input.name, note: input.note ?? '' };
    await updateVersioned(trx, ctx, 'inspection_plan', id, input.version, cols);
    const was = { year: before.year, name: before.name, note: before.note };
    audit(recordEntry('inspection_plan', before, 'inspection.plan.update', { before: was, after: cols }));
  });
  return getPlan(ctx, id);
}

/** Removes a plan and its tasks, before any of them has a draw record. */
export async function deletePlan(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const { version } = VersionQuery.parse(raw);
  const before = await getPlan(ctx, id);
  await orgForWrite(ctx, before.orgId, 'version');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const tasks = await trx.selectFrom('inspection_task').selectAll().where('plan_id', '=', id).execute();
    const drawn = await drawOf(
      trx,
      tasks.map((t) => t.id),
      true,
    );
    if (drawn) throw planDrawn(drawn.id);
    if (tasks.length > 0) await trx.deleteFrom('inspection_task').where('plan_id', '=', id).execute();
    await deleteVersioned(trx, 'inspection_plan', id, version);
    audit(recordEntry('inspection_plan', before, 'inspection.plan.delete', { before: { ...before, tasks } }));
  });
}

/** Removes a task before its list is sealed (no draw record, not even a failed attempt). */
export async function deleteTask(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  authorize(ctx.actor, 'inspection:plan:edit');
  const { version } = VersionQuery.parse(raw);
  const before = await getTask(ctx, id);
  await orgForWrite(ctx, before.orgId, 'version');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const drawn = await drawOf(trx, [id], true);
    if (drawn)
      throw conflict('inspection.frozen', '该任务已有抽取记录,不能删除', {
        field: 'version',
        drawId: drawn.id,
      });
    await deleteVersioned(trx, 'inspection_task', id, version);
    audit(recordEntry('inspection_task', before, 'inspection.task.delete', { before }));
  });
}

export { listPlans, listTasks };
