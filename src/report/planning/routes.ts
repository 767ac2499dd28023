import { registerDataCallExport } from './data-call-export.js';
import { z } from 'zod';
import { type Ctx, can, chinaDate } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { readDb } from '../../platform/http/read-replica.js';
import { IdParam, LocalDate, Paging, Text, toOffset } from '../../platform/validation.js';
import { computeFigures, domainName, drillDown, loadRegistry, rootOrgId, yearPeriod } from '../registry.js';
import { registerDashboardRoutes } from '../dashboard-routes.js';
import { registerReminderRoutes } from '../reminders-routes.js';
import { registerIssuerRoutes } from '../issuer-routes.js';
import { registerRollupRoutes } from '../rollup-routes.js';
import { requestCtx } from '../../domains/org/request-ctx.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { sendLedgerXlsx } from '../../platform/http/xlsx-reply.js';
import { defineColumns } from '../../platform/io/index.js';
import { authorize } from '../../domains/org/policy.js';
import {
  changeDataCallStatus,
  createDataCall,
  getDataCall,
  getSubmission,
  reviewSubmission,
  saveFigures,
  submitSubmission,
} from './data-call-service.js';
import { listDataCalls, listMySubmissions } from '../../domains/planning/data-call-store.js';
import { dataCallDueWindow } from '../../domains/planning/rules.js';
import {
  CreateDataCallInput,
  ReturnInput,
  SaveFiguresInput,
  SubmissionStatus,
  VersionInput,
} from '../../domains/planning/schema.js';

/** A period as a year or explicit from/to dates; the org defaults to the deployment's root. */
export const FigureQuery = z.object({
  orgId: z.uuid('不是有效的机构编号').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});

function periodOf(q: z.infer<typeof FigureQuery>) {
  if (q.from && q.to) return { from: q.from, to: q.to };
  if (q.year) return yearPeriod(q.year);
  throw invalid('metric.noPeriod', '请指定年度(year)或统计起止日期(from、to)', 'year');
}

/** Figures default to the whole deployment for county-wide roles, else to the caller's own org. */
async function defaultOrg(ctx: Ctx): Promise<string> {
  return ctx.actor.orgId && !ctx.scope.all ? ctx.actor.orgId : rootOrgId(ctx.db);
}

/** The 指标数据 ledger as the screen lists it, for Excel. */
const figureColumns = defineColumns<{
  domain: string;
  name: string;
  value: string | null;
  unit: string;
  source: string;
  orgName: string;
  period: string;
  definition: string;
}>([
  { key: 'domain', header: '领域', kind: 'text', required: true, width: 16 },
  { key: 'name', header: '指标', kind: 'text', required: true, width: 40 },
  { key: 'value', header: '数值', kind: 'text', width: 12 },
  { key: 'unit', header: '计量单位', kind: 'text', required: true, width: 10 },
  { key: 'source', header: '来源', kind: 'text', required: true, width: 10 },
  { key: 'orgName', header: '统计范围(本级及下级)', kind: 'text', required: true, width: 26 },
  { key: 'period', header: '统计期', kind: 'text', required: true, width: 24 },
  { key: 'definition', header: '口径', kind: 'text', required: true, width: 60 },
]);

export function registerPlanningRoutes(app: TypedApp, opts: AppOptions): void {
  registerDataCallExport(app, opts);
  const db = opts.handle.db;
  const tags = ['指标与数据填报'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);

  registerDashboardRoutes(app, opts);
  registerReminderRoutes(app, opts);
  registerIssuerRoutes(app, opts);
  registerRollupRoutes(app, opts);

  app.get(
    '/api/metrics',
    { schema: { tags, summary: '指标数据(本级及下级汇总)', querystring: FigureQuery } },
    async (req) => {
      const reader = await readDb(req, opts.handle);
      const ctx = await requestCtx(req, reader);
      authorize(ctx.actor, 'planning:metric:list');
      const orgId = req.query.orgId ?? (await defaultOrg(ctx));
      return { items: await computeFigures(ctx, await loadRegistry(reader), orgId, periodOf(req.query)) };
    },
  );

  app.get(
    '/api/metrics/export.xlsx',
    { schema: { tags, summary: '导出指标数据(与列表相同的年度、单位)', querystring: FigureQuery } },
    async (req, reply) => {
      const reader = await readDb(req, opts.handle);
      const ctx = await requestCtx(req, reader);
      authorize(ctx.actor, 'planning:metric:list');
      const orgId = req.query.orgId ?? (await defaultOrg(ctx));
      const figures = await computeFigures(ctx, await loadRegistry(reader), orgId, periodOf(req.query));
      return sendLedgerXlsx(reply, {
        filename: '指标数据.xlsx',
        sheetName: '指标数据',
        columns: figureColumns,
        rows: figures.map((f) => ({
          domain: domainName(f.domain),
          name: f.name,
          value: f.value === null ? null : String(f.value),
          unit: f.unit === ':1' ? '∶1' : f.unit,
          source: f.source === 'computed' ? '系统计算' : '单位填报',
          orgName: f.orgName,
          period: `${f.from} 至 ${f.to}`,
          definition: f.definition,
        })),
      });
    },
  );

  app.get(
    '/api/metrics/:metricId/records',
    {
      schema: {
        tags,
        summary: '指标明细(数据背后的记录)',
        params: z.object({ metricId: Text(120) }),
        querystring: FigureQuery,
      },
    },
    async (req) => {
      const reader = await readDb(req, opts.handle);
      const ctx = await requestCtx(req, reader);
      authorize(ctx.actor, 'planning:metric:list');
      const orgId = req.query.orgId ?? (await defaultOrg(ctx));
      const items = await drillDown(
        ctx,
        await loadRegistry(reader),
        req.params.metricId,
        orgId,
        periodOf(req.query),
      );
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/metric-definitions',
    { schema: { tags, summary: '全部指标定义(口径、单位、来源)' } },
    async (req) => {
      await requestCtx(req, db);
      const registry = await loadRegistry(db);
      return registry.all.map((d) => ({
        id: d.id,
        name: d.name,
        unit: d.unit,
        definition: d.definition,
        source: d.source,
        domainName: domainName(d.domain),
      }));
    },
  );

  app.get(
    '/api/data-calls',
    {
      schema: {
        tags,
        summary: '数据填报任务列表(可筛选有单位未报的临期、逾期任务)',
        querystring: Paging.extend({ due: z.enum(['dueSoon', 'overdue']).optional() }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'planning:dataCall:list');
      const { due, ...page } = req.query;
      const window = due ? dataCallDueWindow(due, chinaDate(ctx.now())) : undefined;
      return listDataCalls(db, ctx.scope, toOffset(page), window);
    },
  );

  app.post(
    '/api/data-calls',
    { schema: { tags, summary: '制定数据填报任务', body: CreateDataCallInput } },
    async (req, reply) => {
      return reply.status(201).send(await createDataCall(await requestCtx(req, db), req.body));
    },
  );

  app.get(
    '/api/data-calls/:id',
    { schema: { tags, summary: '数据填报任务详情', params: IdParam } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'planning:dataCall:list');
      return getDataCall(ctx, req.params.id);
    },
  );

  for (const action of ['open', 'close'] as const) {
    app.post(
      `/api/data-calls/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'open' ? '下发填报任务' : '关闭填报任务',
          params: IdParam,
          body: VersionInput,
        },
      },
      async (req) => changeDataCallStatus(await requestCtx(req, db), req.params.id, action, req.body),
    );
  }

  app.get(
    '/api/data-call-submissions',
    {
      schema: {
        tags,
        summary: '本单位的填报;按状态筛选(审核人员可列出待采纳的提交)',
        querystring: Paging.extend({ status: z.array(SubmissionStatus).or(SubmissionStatus).optional() }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      const { status, ...page } = req.query;
      const statuses = status === undefined ? undefined : Array.isArray(status) ? status : [status];
      // the office reviewing submissions lists the submitted ones of every unit in its scope
      const reviewing = statuses?.length === 1 && statuses[0] === 'submitted';
      authorize(
        ctx.actor,
        reviewing && !can(ctx.actor, 'planning:dataCall:fill')
          ? 'planning:dataCall:review'
          : 'planning:dataCall:fill',
      );
      return listMySubmissions(db, ctx.scope, toOffset(page), statuses);
    },
  );

  r.get('/api/data-call-submissions/:id', '填报表(计算指标只读)', getSubmission);

  app.put(
    '/api/data-call-submissions/:id/figures',
    { schema: { tags, summary: '填写数据及佐证', params: IdParam, body: SaveFiguresInput } },
    async (req) => saveFigures(await requestCtx(req, db), req.params.id, req.body),
  );

  r.act('/api/data-call-submissions/:id/submit', '提交审核', VersionInput, submitSubmission);

  app.post(
    '/api/data-call-submissions/:id/accept',
    { schema: { tags, summary: '采纳', params: IdParam, body: VersionInput } },
    async (req) => reviewSubmission(await requestCtx(req, db), req.params.id, 'accept', req.body),
  );

  app.post(
    '/api/data-call-submissions/:id/return',
    { schema: { tags, summary: '退回(写明理由)', params: IdParam, body: ReturnInput } },
    async (req) => reviewSubmission(await requestCtx(req, db), req.params.id, 'return', req.body),
  );
}
