import { sql } from 'kysely';
import { type ListTotal, listTotal } from '../../platform/paging.js';
import { loadWorkCalendar, type WorkCalendar } from '../../platform/calendar/index.js';
import { provisionalReason } from '../../platform/clock/index.js';
import { chinaDate, type Ctx } from '../../platform/context.js';
import { updateVersioned, writeTx, writeVersioned } from '../../platform/db/tx.js';
import { conflict, DomainError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import { authorize } from '../org/policy.js';
import { prepareProblemCases } from './case-link.js';
import type { RiskGrade } from './draw-input.js';
import { idsOrNone, type Page } from './registry-store.js';
import {
  type InspectionResult,
  inspectionResults,
  type PublicationState,
  publicationDue,
  publicationState,
} from './rules.js';
import { listedRecord } from './registry-service.js';
import { PublishInput, RecordResultInput } from './schema.js';
import './tables.js';

export interface Target {
  id: string;
  taskId: string;
  taskName: string;
  drawId: string;
  seq: number;
  inspecteeId: string;
  inspecteeName: string;
  uscc: string | null;
  stratum: RiskGrade;
  inspectors: { id: string; name: string }[];
  result: InspectionResult | null;
  resultLabel: string | null;
  resultNote: string;
  inspectedOn: string | null;
  publishedOn: string | null;
  /** null only for a year before the statutory rule whose arrangement is not loaded (never in practice) */
  publicationDue: string | null;
  /** why publicationDue is provisional (a year whose holiday arrangement is not published), or null */
  publicationDueProvisionalReason: string | null;
  publicationState: PublicationState | 'unknown';
  /** the enforcement case (立案) this result opened */
  caseId: string | null;
  version: number;
}

export interface TargetFilter {
  taskId?: string | undefined;
  drawId?: string | undefined;
  pending?: boolean | undefined;
  /** unpublished results whose publication is 临期 / 逾期 today (the 驾驶舱 links here) */
  due?: 'dueSoon' | 'overdue' | undefined;
  ids?: readonly string[];
}

/** Drawn inspectees with inspector names, results and where their publication stands. */
export async function listTargets(
  ctx: Ctx,
  f: TargetFilter,
  page: Page = { offset: 0, limit: 200 },
): Promise<{ items: Target[] } & ListTotal> {
  let q = ctx.db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .innerJoin('inspection_inspectee as e', 'e.id', 'g.inspectee_id')
    .where(inScope(ctx.scope, 'g'));
  if (f.taskId) q = q.where('g.task_id', '=', f.taskId);
  if (f.drawId) q = q.where('g.draw_id', '=', f.drawId);
  if (f.pending) q = q.where('g.published_on', 'is', null);
  if (f.ids) q = q.where('g.id', 'in', idsOrNone(f.ids));
  if (f.due) {
    // the due date follows from the task's end alone: pick the task ends whose clock is in that state
    const pending = q.where('g.published_on', 'is', null);
    const [ends, cal] = await Promise.all([
      pending.select('t.end_on').distinct().execute(),
      loadWorkCalendar(ctx.db),
    ]);
    const today = chinaDate(ctx.now());
    const wanted = ends
      .map((e) => e.end_on)
      .filter((end) => {
        const due = dueOrNull(cal, end);
        return due !== null && publicationState(due, null, today) === f.due;
      });
    q = pending.where('t.end_on', 'in', wanted.length ? wanted : ['1900-01-01']);
  }
  const [rows, count, calendar] = await Promise.all([
    q
      .select([
        'g.id',
        'g.task_id',
        't.name as task_name',
        't.end_on',
        'g.draw_id',
        'g.seq',
        'g.inspectee_id',
        'e.name as inspectee_name',
        'e.uscc',
        'g.stratum',
        'g.inspector_ids',
        'g.result',
        'g.result_note',
        'g.inspected_on',
        'g.published_on',
        'g.case_id',
        'g.version',
      ])
      .orderBy('t.end_on')
      .orderBy('g.task_id')
      .orderBy('g.seq')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    listTotal(ctx.db, q, page),
    loadWorkCalendar(ctx.db),
  ]);
  const inspectorIds = [...new Set(rows.flatMap((r) => r.inspector_ids))];
  const names = new Map(
    inspectorIds.length
      ? (
          await ctx.db
            .selectFrom('inspection_inspector')
            .select(['id', 'name'])
            .where('id', 'in', inspectorIds)
            .execute()
        ).map((r) => [r.id, r.name])
      : [],
  );
  const today = chinaDate(ctx.now());
  return {
    ...count,
    items: rows.map((r) => {
      const due = dueOrNull(calendar, r.end_on);
      const result = r.result as InspectionResult | null;
      return {
        id: r.id,
        taskId: r.task_id,
        taskName: r.task_name,
        drawId: r.draw_id,
        seq: r.seq,
        inspecteeId: r.inspectee_id,
        inspecteeName: r.inspectee_name,
        uscc: r.uscc,
        stratum: r.stratum as RiskGrade,
        inspectors: r.inspector_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
        result,
        resultLabel: result ? inspectionResults[result].label : null,
        resultNote: r.result_note,
        inspectedOn: r.inspected_on,
        publishedOn: r.published_on,
        publicationDue: due,
        publicationDueProvisionalReason: provisionalReason(calendar, due, r.end_on),
        publicationState: due ? publicationState(due, r.published_on, today) : 'unknown',
        caseId: r.case_id,
        version: r.version,
      };
    }),
  };
}

/** By the one calendar rule (statutory days off across an unpublished year, flagged); null before the rule's years. */
function dueOrNull(calendar: WorkCalendar, endOn: string): string | null {
  try {
    return publicationDue(calendar, endOn);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'calendar.uncoveredYear') return null;
    throw err;
  }
}

async function getTarget(ctx: Ctx, id: string): Promise<Target> {
  const targets = await listTargets(ctx, { ids: [id] }, { offset: 0, limit: 1 });
  return listedRecord(targets, 'inspection.targetNotFound', '检查对象不存在或不在您的权限范围内');
}

export async function recordResult(ctx: Ctx, id: string, raw: unknown): Promise<Target> {
  authorize(ctx.actor, 'inspection:result:edit');
  const input = RecordResultInput.parse(raw);
  const before = await getTarget(ctx, id);
  if (before.publishedOn) throw conflict('inspection.published', '检查结果已公示,不能修改');
  const task = await ctx.db
    .selectFrom('inspection_task')
    .select(['start_on', 'org_id', 'region_code'])
    .where('id', '=', before.taskId)
    .executeTakeFirstOrThrow();
  if (input.inspectedOn < task.start_on)
    throw invalid(
      'inspection.inspectedEarly',
      `检查日期不能早于任务开始日期 ${task.start_on}`,
      'inspectedOn',
    );
  if (input.inspectedOn > chinaDate(ctx.now()))
    throw invalid('inspection.inspectedFuture', '检查日期不能晚于今天', 'inspectedOn');
  const opened = await prepareProblemCases(ctx, task.org_id, [
    { targetId: id, result: input.result, note: input.note, inspectedOn: input.inspectedOn },
  ]);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const caseIds = opened.write ? await opened.write(trx, audit) : [];
    const patch = {
      result: input.result,
      result_note: input.note,
      inspected_on: input.inspectedOn,
      ...(caseIds[0] ? { case_id: caseIds[0] } : {}),
    };
    await updateVersioned(trx, ctx, 'inspection_target', id, input.version, patch);
    audit({
      action: 'inspection.result.record',
      entity: 'inspection_target',
      entityId: id,
      orgId: task.org_id,
      regionCode: task.region_code,
      change: { before: { result: before.result }, after: patch },
    });
  });
  return getTarget(ctx, id);
}

/** 公示: a result can be published once recorded; late publication is allowed and shows as late. */
export async function publishResult(ctx: Ctx, id: string, raw: unknown): Promise<Target> {
  authorize(ctx.actor, 'inspection:result:publish');
  const input = PublishInput.parse(raw);
  const before = await getTarget(ctx, id);
  if (!before.result) throw invalid('inspection.noResult', '尚未录入检查结果,不能公示', 'result');
  if (before.publishedOn) throw conflict('inspection.published', '检查结果已公示');
  const publishedOn = input.publishedOn ?? chinaDate(ctx.now());
  if (before.inspectedOn && publishedOn < before.inspectedOn)
    throw invalid('inspection.publishEarly', '公示日期不能早于检查日期', 'publishedOn');
  await writeVersioned(
    ctx,
    'inspection_target',
    id,
    input.version,
    {
      published_on: publishedOn,
    },
    {
      action: 'inspection.result.publish',
      change: { publishedOn, due: before.publicationDue },
    },
  );
  return getTarget(ctx, id);
}

/** The task the bulk result paths write under: its org, region and start (missing when out of scope). */
async function taskInScope(ctx: Ctx, taskId: string) {
  const task = await ctx.db
    .selectFrom('inspection_task as t')
    .select(['t.id', 't.org_id', 't.region_code', 't.start_on'])
    .where('t.id', '=', taskId)
    .where(inScope(ctx.scope, 't'))
    .executeTakeFirst();
  if (!task) throw notFound('inspection.taskNotFound', '抽查任务不存在或不在您的权限范围内');
  return task;
}

/** Bulk path for the demo and for publishing a whole task's results at once: one transaction. */
export async function publishTaskResults(
  ctx: Ctx,
  taskId: string,
  publishedOn: string,
): Promise<{ published: number }> {
  authorize(ctx.actor, 'inspection:result:publish');
  const task = await taskInScope(ctx, taskId);
  return writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await trx
      .updateTable('inspection_target')
      .set({
        published_on: publishedOn,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: sql<number>`version + 1`,
      })
      .where('task_id', '=', taskId)
      .where('result', 'is not', null)
      .where('published_on', 'is', null)
      .where((eb) => eb.or([eb('inspected_on', 'is', null), eb('inspected_on', '<=', publishedOn)]))
      .executeTakeFirst();
    const n = Number(res.numUpdatedRows);
    audit({
      action: 'inspection.result.publishTask',
      entity: 'inspection_task',
      entityId: taskId,
      orgId: task.org_id,
      regionCode: task.region_code,
      change: { publishedOn, published: n },
    });
    return { published: n };
  });
}

/** Results of many targets of one task in one transaction (mobile batch entry, the demo). */
export async function recordTaskResults(
  ctx: Ctx,
  taskId: string,
  rows: readonly { targetId: string; result: InspectionResult; note?: string; inspectedOn: string }[],
): Promise<{ recorded: number }> {
  authorize(ctx.actor, 'inspection:result:edit');
  const task = await taskInScope(ctx, taskId);
  const today = chinaDate(ctx.now());
  for (const [i, r] of rows.entries()) {
    const parsed = RecordResultInput.safeParse({
      version: 1,
      result: r.result,
      note: r.note ?? '',
      inspectedOn: r.inspectedOn,
    });
    if (!parsed.success)
      throw invalid(
        'inspection.badRow',
        `第 ${i + 1} 行:${parsed.error.issues[0]?.message ?? '格式不正确'}`,
        `rows.${i}`,
      );
    if (r.inspectedOn < task.start_on || r.inspectedOn > today)
      throw invalid(
        'inspection.badRow',
        `第 ${i + 1} 行:检查日期应在任务开始日期与今天之间`,
        `rows.${i}.inspectedOn`,
      );
  }
  const opened = await prepareProblemCases(ctx, task.org_id, rows);
  return writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await sql`
      update inspection_target g set result = v.result, result_note = v.note, inspected_on = v.inspected_on::date,
        updated_by = ${ctx.actor.userId}, updated_at = now(), version = g.version + 1
      from unnest(${rows.map((r) => r.targetId)}::uuid[], ${rows.map((r) => r.result)}::text[], ${rows.map((r) => r.note ?? '')}::text[],
        ${rows.map((r) => r.inspectedOn)}::text[]) as v(id, result, note, inspected_on)
      where g.id = v.id and g.task_id = ${taskId} and g.published_on is null`.execute(trx);
    const n = Number(res.numAffectedRows ?? 0);
    if (n !== rows.length)
      throw conflict('inspection.resultRows', `有 ${rows.length - n} 个检查对象不属于该任务或已公示`);
    const caseIds = opened.write ? await opened.write(trx, audit) : [];
    if (caseIds.length > 0)
      await sql`update inspection_target g set case_id = v.case_id
        from unnest(${opened.targetIds}::uuid[], ${caseIds}::uuid[]) as v(id, case_id) where g.id = v.id`.execute(
        trx,
      );
    audit({
      action: 'inspection.result.recordTask',
      entity: 'inspection_task',
      entityId: taskId,
      orgId: task.org_id,
      regionCode: task.region_code,
      change: { recorded: n, casesOpened: caseIds.length },
    });
    return { recorded: n };
  });
}
