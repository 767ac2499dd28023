import { z } from 'zod';
import { Paging } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import { ledgerRoutes } from '../../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { authorizedCtx } from '../../org/routes-ctx.js';
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
  // the services parse these bodies themselves (schema null)
  r.create(`${base}/catalogues`, '拟定年度决策事项目录', null, createCatalogue);
  r.act(`${base}/catalogues/:id/actions`, '目录报党委同意、向社会公布', null, recordCatalogueAction);
  r.addTo(
    `${base}/catalogues/:id/decisions`,
    '列入决策事项(目录公布后为调整,须说明理由)',
    null,
    listDecision,
  );
  r.list(`${base}/decisions`, '重大行政决策台账', Paging.extend(DecisionFilterQuery.shape), searchDecisions);
  // authorised before streaming, so a refusal is a 403
  ledgerRoutes(app, (req) => authorizedCtx(req, db, 'legality:decision:list'), tags).download(
    `${base}/decisions/export.xlsx`,
    '导出重大行政决策台账',
    DecisionFilterQuery,
    '重大行政决策台账.xlsx',
    exportDecisionLedger,
  );
  r.get(`${base}/decisions/:id`, '决策详情(五项程序、缺项、归档清单、流程记录)', getDecision);
  r.act(
    `${base}/decisions/:id/actions`,
    '办理决策程序(公众参与、专家论证、风险评估、合法性审查、集体讨论、公布、归档、执行、后评估)',
    null,
    recordDecisionAction,
  );
}
