import { z } from 'zod';
import { chinaDate } from '../../platform/context.js';
import { IdParam, Int32, Paging, parseSort, SortParam, Text, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { streamDownload } from '../../platform/http/xlsx-reply.js';
import {
  actOnClue,
  createTipOff,
  getClue,
  issueOpinion,
  listClues,
  listOpinions,
  scanClues,
} from './clues/service.js';
import {
  ClueActInput,
  ClueRule,
  ClueSource,
  ClueStatus,
  CreateTipOffInput,
  IssueOpinionInput,
} from './clues/schema.js';
import {
  createCampaign,
  createRubric,
  drawCampaign,
  getCampaign,
  getReviewFile,
  listCampaigns,
  listRubrics,
  scoreReviewFile,
  verifyCampaignSample,
} from './case-review/service.js';
import { CreateCampaignInput, CreateRubricInput, ScoreFileInput } from './case-review/schema.js';
import {
  createInspectionPlan,
  getInspectionPlan,
  listInspectionPlans,
  recordInspectionVisit,
} from './inspections/service.js';
import { CreateInspectionPlanInput, RecordVisitInput } from './inspections/schema.js';
import { exportRectificationLedger } from './rectification/export.js';
import { RectificationActInput, RectificationSource, RectificationStatus } from './rectification/schema.js';
import { actOnRectification, getRectification, listRectifications } from './rectification/service.js';
import { RECTIFICATION_SORT } from './rectification/store.js';
import {
  createLedgerEntry,
  exportLedger,
  LEDGERS,
  listLedgerEntries,
  updateWorkplanProgress,
} from './ledgers.js';
import { publicSpec } from './ledger-kit.js';
import { upcomingKeyDates } from './publicity/key-dates.js';
import { registerAssessmentRoutes } from './assessment/routes.js';
import { YearQuery, yearListRoute } from './year-route.js';

export const RectificationQuery = z.object({
  status: RectificationStatus.optional(),
  source: RectificationSource.optional(),
  sourceId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  q: z.string().trim().max(50).optional(),
});

export function registerOversightRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['监督督察'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  const byYear = yearListRoute(app, (req) => requestCtx(req, db), tags);
  const base = '/api/oversight';

  // ── 整改台账 ──
  app.get(
    `${base}/rectifications`,
    {
      schema: {
        tags,
        summary: '整改台账',
        querystring: Paging.extend(RectificationQuery.shape).extend({ sort: SortParam }),
      },
    },
    async (req) => {
      const { page, pageSize, sort, ...f } = req.query;
      return listRectifications(
        await requestCtx(req, db),
        f,
        toOffset({ page, pageSize }),
        parseSort(sort, RECTIFICATION_SORT),
      );
    },
  );
  app.get(
    `${base}/rectifications/export.xlsx`,
    { schema: { tags, summary: '导出整改台账', querystring: RectificationQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '整改台账.xlsx', (out) => exportRectificationLedger(ctx, req.query, out));
    },
  );
  r.get(`${base}/rectifications/:id`, '整改事项详情', getRectification);
  r.act(
    `${base}/rectifications/:id/actions`,
    '办理整改事项(措施、进展、完成、退回、延期、销号)',
    RectificationActInput,
    actOnRectification,
  );

  // ── 法治督察 ──
  byYear(`${base}/inspection-plans`, '督察计划', listInspectionPlans);
  r.create(`${base}/inspection-plans`, '新建督察计划', CreateInspectionPlanInput, createInspectionPlan);
  r.get(`${base}/inspection-plans/:id`, '督察计划详情', getInspectionPlan);
  r.create(
    `${base}/inspection-visits`,
    '记录督察及发现的问题(生成整改事项)',
    RecordVisitInput,
    recordInspectionVisit,
  );

  // ── 案卷评查 ──
  app.get(`${base}/rubrics`, { schema: { tags, summary: '评查标准(各版本)' } }, async (req) =>
    listRubrics(await requestCtx(req, db)),
  );
  r.create(`${base}/rubrics`, '新建评查标准版本', CreateRubricInput, createRubric);
  byYear(`${base}/review-campaigns`, '评查活动', listCampaigns);
  r.create(`${base}/review-campaigns`, '新建评查活动并承诺抽样范围', CreateCampaignInput, createCampaign);
  r.get(`${base}/review-campaigns/:id`, '评查活动详情', getCampaign);
  app.post(
    `${base}/review-campaigns/:id/draw`,
    { schema: { tags, summary: '抽取案卷', params: IdParam } },
    async (req) => drawCampaign(await requestCtx(req, db), req.params.id),
  );
  r.get(`${base}/review-campaigns/:id/verify`, '验证抽样', verifyCampaignSample);
  r.get(`${base}/review-files/:id`, '评查案卷(评查表与案卷)', getReviewFile);
  r.act(`${base}/review-files/:id/score`, '评查打分', ScoreFileInput, scoreReviewFile);

  // ── 问题线索与监督意见书 ──
  app.get(
    `${base}/clues`,
    {
      schema: {
        tags,
        summary: '问题线索',
        querystring: Paging.extend({
          status: ClueStatus.optional(),
          rule: ClueRule.optional(),
          source: ClueSource.optional(),
          orgId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return listClues(await requestCtx(req, db), f, toOffset({ page, pageSize }));
    },
  );
  app.post(`${base}/clues/scan`, { schema: { tags, summary: '按规则扫描执法记录发现线索' } }, async (req) =>
    scanClues(await requestCtx(req, db)),
  );
  r.create(`${base}/clues`, '登记举报线索', CreateTipOffInput, createTipOff);
  r.get(`${base}/clues/:id`, '线索详情', getClue);
  r.act(`${base}/clues/:id/actions`, '交办、答复、办结线索', ClueActInput, actOnClue);
  byYear(`${base}/opinions`, '监督意见书、建议书', listOpinions);
  app.post(
    `${base}/opinions`,
    { schema: { tags, summary: '制发监督意见书或建议书', body: IssueOpinionInput } },
    async (req, reply) =>
      reply.status(201).send({ id: await issueOpinion(await requestCtx(req, db), req.body) }),
  );

  // ── 学法述法、培训、普法、工作要点、第一责任人 (ledgers declared once in */spec.ts) ──
  const LedgerKey = z.object({ key: z.enum(LEDGERS.map((l) => l.key) as [string, ...string[]]) });
  const LedgerQuery = YearQuery.extend({ orgId: z.uuid().optional() });
  app.get(`${base}/ledgers`, { schema: { tags, summary: '台账定义(字段与中文名)' } }, async () =>
    LEDGERS.map(publicSpec),
  );
  app.get(
    `${base}/ledgers/:key`,
    {
      schema: { tags, summary: '台账记录', params: LedgerKey, querystring: Paging.extend(LedgerQuery.shape) },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return listLedgerEntries(await requestCtx(req, db), req.params.key, f, toOffset({ page, pageSize }));
    },
  );
  app.get(
    `${base}/ledgers/:key/export.xlsx`,
    { schema: { tags, summary: '导出台账', params: LedgerKey, querystring: LedgerQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const title = LEDGERS.find((l) => l.key === req.params.key)?.title ?? '台账';
      return streamDownload(reply, `${title}.xlsx`, (out) =>
        exportLedger(ctx, req.params.key, req.query, out),
      );
    },
  );
  app.post(
    `${base}/ledgers/:key`,
    { schema: { tags, summary: '登记台账记录', params: LedgerKey, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) =>
      reply.status(201).send(await createLedgerEntry(await requestCtx(req, db), req.params.key, req.body)),
  );
  app.post(
    `${base}/workplan/:id/progress`,
    {
      schema: {
        tags,
        summary: '填报工作任务进展',
        params: IdParam,
        body: z.strictObject({
          progress: z.number().int().min(0).max(100),
          note: Text(2000, { lines: true, min: 1 }),
          version: Int32,
        }),
      },
    },
    async (req) => {
      await updateWorkplanProgress(await requestCtx(req, db), req.params.id, req.body);
      return { ok: true };
    },
  );
  app.get(
    `${base}/key-dates`,
    { schema: { tags, summary: '普法重要时间节点提醒(未来 60 日)' } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      return upcomingKeyDates(chinaDate(ctx.now()), 60);
    },
  );

  // ── 考评 ──
  registerAssessmentRoutes(app, opts);
}
