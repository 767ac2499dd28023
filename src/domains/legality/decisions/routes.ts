import { z } from 'zod';
import { IdParam, Paging, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import { ledgerRoutes } from '../../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { streamDownload } from '../../../platform/http/xlsx-reply.js';
import { authorize } from '../../org/policy.js';
import { exportDecisionLedger } from './export.js';
import { DecisionStatus } from './schema.js';
import {
  createCatalogue,
  getCatalogue,
  getDecision,
  listDecision,
  recordCatalogueAction,
  recordDecisionAction,
  searchCatalogues,
  searchDecisions,
} from './service.js';

const Year = z.coerce.number().int().min(2000).max(2100);
const DecisionFilterQuery = z.object({
  q: z.string().max(50).optional(),
  year: Year.optional(),
  status: DecisionStatus.optional(),
  orgId: z.uuid().optional(),
  catalogueId: z.uuid().optional(),
});
/** 重大行政决策: 决策事项目录 and each decision's procedure, under /api/legality. */
export function registerDecisionRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['重大行政决策'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  const base = '/api/legality';

  app.get(
    `${base}/catalogues`,
    { schema: { tags, summary: '决策事项目录', querystring: z.object({ year: Year.optional() }) } },
    async (req) => ({ items: await searchCatalogues(await requestCtx(req, db), req.query.year) }),
  );
  r.get(`${base}/catalogues/:id`, '决策事项目录详情', getCatalogue);
  app.post(`${base}/catalogues`, { schema: { tags, summary: '拟定年度决策事项目录' } }, async (req, reply) =>
    reply.status(201).send(await createCatalogue(await requestCtx(req, db), req.body)),
  );
  app.post(
    `${base}/catalogues/:id/actions`,
    { schema: { tags, summary: '目录报党委同意、向社会公布', params: IdParam } },
    async (req) => recordCatalogueAction(await requestCtx(req, db), req.params.id, req.body),
  );
  app.post(
    `${base}/catalogues/:id/decisions`,
    { schema: { tags, summary: '列入决策事项(目录公布后为调整,须说明理由)', params: IdParam } },
    async (req, reply) =>
      reply.status(201).send(await listDecision(await requestCtx(req, db), req.params.id, req.body)),
  );
  app.get(
    `${base}/decisions`,
    {
      schema: {
        tags,
        summary: '重大行政决策台账',
        querystring: Paging.extend(DecisionFilterQuery.shape),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchDecisions(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.get(
    `${base}/decisions/export.xlsx`,
    { schema: { tags, summary: '导出重大行政决策台账', querystring: DecisionFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'legality:decision:list'); // before streaming, so a refusal is a 403
      return streamDownload(reply, '重大行政决策台账.xlsx', (out) =>
        exportDecisionLedger(ctx, req.query, out),
      );
    },
  );
  r.get(`${base}/decisions/:id`, '决策详情(五项程序、缺项、归档清单、流程记录)', getDecision);
  app.post(
    `${base}/decisions/:id/actions`,
    {
      schema: {
        tags,
        summary: '办理决策程序(公众参与、专家论证、风险评估、合法性审查、集体讨论、公布、归档、执行、后评估)',
        params: IdParam,
      },
    },
    async (req) => recordDecisionAction(await requestCtx(req, db), req.params.id, req.body),
  );
}
