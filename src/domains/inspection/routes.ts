import { z } from 'zod';
import { IdParam, LocalDate, Paging, QueryBool, Text, toOffset } from '../../platform/validation.js';
import { readDb } from '../../platform/http/read-replica.js';
import { requestCtx } from '../org/request-ctx.js';
import { authorizedCtx } from '../org/routes-ctx.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { listPublishedResults } from './publication.js';
import { registerInspectionPortalPages } from './portal-pages.js';
import { registerInspectionExportRoutes } from './routes-export.js';
import { registerRegistryRoutes } from './routes-registry.js';
import { commitDraw, executeDraw, getDraw, listDraws, verifyStoredDraw } from './draw-service.js';
import {
  createPlan,
  createTask,
  deletePlan,
  deleteTask,
  getPlan,
  getTask,
  listPlans,
  listTasks,
  updatePlan,
  updateTask,
} from './plan-service.js';
import { listTargets, publishResult, recordResult, recordTaskResults } from './result-service.js';
import { InspectionResult } from './rules.js';
import {
  CreatePlanInput,
  CreateTaskInput,
  PlanKind,
  PublishInput,
  RecordResultInput,
  UpdatePlanInput,
  UpdateTaskInput,
  VersionQuery,
} from './schema.js';

export function registerInspectionRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['双随机、一公开'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  // the plans, tasks, draws and targets are read by whoever may list the plans
  const read = ledgerRoutes(app, (req) => authorizedCtx(req, db, 'inspection:plan:list'), tags);
  const base = '/api/inspection';

  registerRegistryRoutes(app, opts);
  registerInspectionPortalPages(app, opts);
  registerInspectionExportRoutes(app, opts);

  // the public portal's list (/portal/inspections): no login, published results only, masked
  app.get(
    '/api/portal/inspections',
    {
      schema: {
        tags,
        summary: '已公示的抽查结果(公开)',
        querystring: Paging.extend({
          q: Text(50).optional(),
          regionCode: z
            .string()
            .regex(/^[0-9]{6,12}$/)
            .optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, exactTotal, ...f } = req.query;
      return listPublishedResults(
        await readDb(req, opts.handle),
        f,
        toOffset({ page, pageSize, exactTotal }),
      );
    },
  );

  read.list(
    `${base}/plans`,
    '抽查计划',
    Paging.extend({
      year: z.coerce.number().int().min(1949).max(2100).optional(),
      kind: PlanKind.optional(),
      orgId: z.uuid().optional(),
    }),
    (ctx, f, page) => listPlans(ctx.db, ctx.scope, f, page),
  );
  r.create(`${base}/plans`, '新建抽查计划', CreatePlanInput, createPlan);
  read.get(`${base}/plans/:id`, '抽查计划详情(含任务)', async (ctx, id) => {
    const plan = await getPlan(ctx, id);
    return { ...plan, tasks: (await listTasks(ctx.db, ctx.scope, { planId: plan.id })).items };
  });
  r.act(`${base}/plans/:id`, '修改抽查计划(任务抽取前)', UpdatePlanInput, updatePlan, 'patch');
  app.delete(
    `${base}/plans/:id`,
    {
      schema: {
        tags,
        summary: '删除抽查计划及其任务(任务抽取前)',
        params: IdParam,
        querystring: VersionQuery,
      },
    },
    async (req, reply) => {
      await deletePlan(await requestCtx(req, db), req.params.id, req.query);
      return reply.status(204).send();
    },
  );
  r.create(`${base}/tasks`, '新建抽查任务', CreateTaskInput, createTask);
  read.list(
    `${base}/tasks`,
    '抽查任务',
    Paging.extend({
      planId: z.uuid().optional(),
      year: z.coerce.number().int().min(1949).max(2100).optional(),
    }),
    (ctx, f, page) => listTasks(ctx.db, ctx.scope, f, page),
  );
  read.get(`${base}/tasks/:id`, '抽查任务详情', getTask);
  r.act(`${base}/tasks/:id`, '修改抽查任务(抽取承诺前)', UpdateTaskInput, updateTask, 'patch');
  app.delete(
    `${base}/tasks/:id`,
    { schema: { tags, summary: '删除抽查任务(名单封存前)', params: IdParam, querystring: VersionQuery } },
    async (req, reply) => {
      await deleteTask(await requestCtx(req, db), req.params.id, req.query);
      return reply.status(204).send();
    },
  );
  app.post(
    `${base}/tasks/:id/commit`,
    { schema: { tags, summary: '冻结名单并记录抽取承诺', params: IdParam } },
    async (req, reply) => reply.status(201).send(await commitDraw(await requestCtx(req, db), req.params.id)),
  );

  read.list(
    `${base}/draws`,
    '抽取记录',
    Paging.extend({
      taskId: z.uuid().optional(),
      status: z.enum(['committed', 'drawn', 'failed']).optional(),
    }),
    (ctx, f, page) => listDraws(ctx.db, ctx.scope, f, page),
  );
  read.get(`${base}/draws/:id`, '抽取记录详情(承诺值与各哈希)', getDraw);
  app.post(
    `${base}/draws/:id/draw`,
    { schema: { tags, summary: '揭示随机值并抽取', params: IdParam } },
    async (req) => executeDraw(await requestCtx(req, db), req.params.id),
  );
  read.get(`${base}/draws/:id/verify`, '验证抽取(重算并比对)', verifyStoredDraw);

  read.list(
    `${base}/targets`,
    '抽中的检查对象与检查结果',
    Paging.extend({
      taskId: z.uuid().optional(),
      drawId: z.uuid().optional(),
      pending: QueryBool.optional(),
      due: z.enum(['dueSoon', 'overdue']).optional(),
    }),
    listTargets,
  );
  r.act(`${base}/targets/:id/result`, '录入检查结果', RecordResultInput, recordResult, 'patch');
  app.post(
    `${base}/tasks/:id/results`,
    {
      schema: {
        tags,
        summary: '批量录入检查结果',
        params: IdParam,
        body: z.strictObject({
          rows: z
            .array(
              z.strictObject({
                targetId: z.uuid(),
                result: InspectionResult,
                note: Text(2000, { lines: true }).optional(),
                inspectedOn: LocalDate,
              }),
            )
            .min(1)
            .max(10_000),
        }),
      },
    },
    async (req) => recordTaskResults(await requestCtx(req, db), req.params.id, req.body.rows),
  );
  r.act(`${base}/targets/:id/publish`, '公示检查结果', PublishInput, publishResult);
}
