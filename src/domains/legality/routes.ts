import { z } from 'zod';
import { LocalDate, Paging, QueryBool, SortParam, toOffset } from '../../platform/validation.js';
import { allPages, sendLedgerXlsx } from '../../platform/http/xlsx-reply.js';
import { viewLedger } from '../../platform/io/index.js';
import { requestCtx } from '../org/request-ctx.js';
import { authorizedCtx } from '../org/routes-ctx.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { listCasesInLegalReview } from '../enforcement/cases/legal-review-queue.js';
import { authorize } from '../org/policy.js';
import { AdviserKind, AppointedBy } from './advisers/schema.js';
import {
  adviserWork,
  createAdviser,
  getAdviser,
  recordWork,
  searchAdvisers,
  updateAdviser,
} from './advisers/service.js';
import { registerDecisionRoutes } from './decisions/routes.js';
import { registerLegalityPortal } from './portal/routes.js';
import { documentLedgerColumns } from './documents/export.js';
import { DocumentStatus } from './documents/schema.js';
import {
  createCleanup,
  createDocument,
  getDocument,
  recordCleanupResult,
  recordDocumentAction,
  searchDocuments,
} from './documents/service.js';
import { exportReviewLedger } from './review/export.js';
import { ReviewKind, ReviewStatus } from './review/schema.js';
import {
  answerOpinions,
  getReview,
  recordReviewAction,
  searchReviews,
  submitReview,
} from './review/service.js';
import { loadSettings, saveSettings } from './settings.js';

const ReviewFilterQuery = z.object({
  q: z.string().max(50).optional(),
  kind: ReviewKind.optional(),
  status: ReviewStatus.optional(),
  orgId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  submittedFrom: LocalDate.optional(),
  submittedTo: LocalDate.optional(),
});
/** The 规范性文件 ledger's filters: the list and its Excel export read the same. */
const DocumentFilterQuery = z.object({
  q: z.string().max(50).optional(),
  status: DocumentStatus.optional(),
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  filingOverdue: QueryBool.optional(),
});

/** 合法性审查 · 规范性文件 · 法律顾问, under /api/legality. */
export function registerLegalityRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['合法性审查'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  const base = '/api/legality';

  r.list(
    `${base}/reviews`,
    '合法性审查台(可筛选类别、状态、单位、临期、逾期)',
    Paging.extend(ReviewFilterQuery.shape).extend({ sort: SortParam }),
    searchReviews,
  );
  // authorised before streaming, so a refusal is a 403
  ledgerRoutes(app, (req) => authorizedCtx(req, db, 'legality:review:list'), tags).download(
    `${base}/reviews/export.xlsx`,
    '导出合法性审查台账',
    ReviewFilterQuery,
    '合法性审查台账.xlsx',
    exportReviewLedger,
  );
  // 重大执法决定法制审核 awaiting review: shown in the desk's queue as links to the case page
  app.get(
    `${base}/reviews/enforcement`,
    { schema: { tags, summary: '待法制审核的重大执法决定(链接至执法案件)', querystring: Paging } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'legality:review:list');
      authorize(ctx.actor, 'enforcement:case:list');
      return listCasesInLegalReview(db, ctx.scope, toOffset(req.query));
    },
  );
  r.get(`${base}/reviews/:id`, '审查详情(材料、期限、意见、采纳情况、流程记录)', getReview);
  // the services parse these bodies themselves (schema null)
  r.create(`${base}/reviews`, '报送合法性审查', null, submitReview);
  r.act(`${base}/reviews/:id/actions`, '办理(补充材料、延期、出具意见、撤回)', null, recordReviewAction);
  r.act(`${base}/reviews/:id/answers`, '逐条反馈意见采纳情况', null, answerOpinions);

  r.list(
    `${base}/documents`,
    '规范性文件台账',
    Paging.extend(DocumentFilterQuery.shape).extend({ sort: SortParam }),
    searchDocuments,
  );
  app.get(
    `${base}/documents/export.xlsx`,
    { schema: { tags, summary: '导出规范性文件台账', querystring: DocumentFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'legality:document:list'); // before streaming, so a refusal is a 403
      return sendLedgerXlsx(reply, {
        filename: '规范性文件台账.xlsx',
        sheetName: '规范性文件台账',
        // the ledger's own search and labels, page after page: the file says what the screen says
        ...viewLedger(
          documentLedgerColumns,
          allPages((page) => searchDocuments(ctx, req.query, page)),
        ),
      });
    },
  );
  r.get(`${base}/documents/:id`, '规范性文件详情(环节、缺项、版本、流程记录)', getDocument);
  r.create(`${base}/documents`, '登记起草规范性文件', null, createDocument);
  r.act(
    `${base}/documents/:id/actions`,
    '办理环节(征求意见、公平竞争审查、报送审核、审议、公布、报备、备案审查结果)',
    null,
    recordDocumentAction,
  );
  r.create(`${base}/cleanups`, '开展规范性文件清理', null, createCleanup);
  r.act(
    `${base}/cleanups/:id/results`,
    '登记清理结论(保留、修改、废止、宣布失效)',
    null,
    recordCleanupResult,
  );

  r.list(
    `${base}/advisers`,
    '法律顾问和公职律师名录',
    Paging.extend({
      q: z.string().max(50).optional(),
      kind: AdviserKind.optional(),
      appointedBy: AppointedBy.optional(),
      orgId: z.uuid().optional(),
      active: QueryBool.optional(),
    }),
    searchAdvisers,
  );
  r.get(`${base}/advisers/:id`, '法律顾问详情', getAdviser);
  r.get(`${base}/advisers/:id/work`, '法律顾问工作台账', adviserWork);
  r.create(`${base}/advisers`, '登记法律顾问或公职律师', null, createAdviser);
  r.act(`${base}/advisers/:id`, '修改法律顾问信息', null, updateAdviser, 'put');
  r.addTo(`${base}/advisers/:id/work`, '登记法律顾问工作(列席会议、代理案件、培训等)', null, recordWork);

  registerDecisionRoutes(app, opts);
  registerLegalityPortal(app, opts);

  app.get(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: '本辖区审查期限、文号格式和报备期限',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^[0-9]{6,12}$/)
            .optional(),
        }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'legality:review:list');
      return loadSettings(db, req.query.regionCode ?? ctx.actor.regionCode ?? '000000');
    },
  );
  app.put(
    `${base}/settings`,
    { schema: { tags, summary: '设置审查期限、文号格式和报备期限' } },
    async (req) => saveSettings(await requestCtx(req, db), req.body),
  );
}
