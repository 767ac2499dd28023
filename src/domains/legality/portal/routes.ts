import { z } from 'zod';
import { chinaDate } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { IdParam, Paging, Text, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import {
  catalogueHtml,
  consultationHtml,
  consultationListHtml,
  decisionHtml,
  documentDetailHtml,
  documentListHtml,
} from './html.js';
import {
  commentStatus,
  getConsultation,
  getPublicDecision,
  getPublicDocument,
  listComments,
  listConsultations,
  moderateComment,
  publicDecisionCatalogue,
  SubjectKind,
  searchPublicDocuments,
  submitComment,
} from './service.js';

/** An empty form field is no filter (the HTML form sends every field). */
const blank = (v: unknown) => (v === '' ? undefined : v);
const RegionCode = z.preprocess(
  blank,
  z
    .string()
    .regex(/^[0-9]{6,12}$/, '行政区划代码应为 6 至 12 位数字')
    .optional(),
);
const DocQuery = Paging.extend({
  q: z.preprocess(blank, Text(50).optional()),
  state: z.preprocess(blank, z.enum(['valid', 'lapsed', 'amended'], '效力状态不正确').optional()),
  year: z.preprocess(
    blank,
    z.coerce.number('年度应为数字').int().min(1949, '年度不正确').max(2100, '年度不正确').optional(),
  ),
  orgId: z.preprocess(blank, z.uuid('制定机关编号无效').optional()),
  regionCode: RegionCode,
});
const YearQuery = z.object({
  year: z.preprocess(
    blank,
    z.coerce.number('年度应为数字').int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
  ),
  regionCode: RegionCode,
});
const SubjectParams = z.object({ kind: SubjectKind, id: z.uuid('不是有效的编号') });
/** Comments: five per address in ten minutes, counted in the shared limit store. */
const COMMENT_LIMIT = { rateLimit: { max: 5, timeWindow: '10 minutes' } };
const PAGE_SIZE = 20;
const HTML = 'text/html; charset=utf-8';
const today = () => chinaDate(new Date());

/**
 * The legality domain's public site: /portal/documents (规范性文件库), /portal/decisions (决策
 * 事项目录), /portal/consultations (意见征集), their JSON under /api/portal/…, and the staff's
 * moderation of the comments. No login on the public side; name and contact never leave the office.
 */
export function registerLegalityPortal(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['合法性审查公开'];

  app.get(
    '/api/portal/documents',
    { schema: { tags, summary: '规范性文件库(公开,可全文检索)', querystring: DocQuery } },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return searchPublicDocuments(db, f, today(), toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/portal/documents/:id',
    { schema: { tags, summary: '规范性文件全文、效力状态和清理情况', params: IdParam } },
    async (req) => getPublicDocument(db, req.params.id, today()),
  );
  app.get(
    '/portal/documents',
    { schema: { tags, summary: '规范性文件库', querystring: DocQuery } },
    async (req, reply) => {
      const { page, pageSize: _ignored, ...f } = req.query;
      const list = await searchPublicDocuments(db, f, today(), toOffset({ page, pageSize: PAGE_SIZE }));
      return reply.type(HTML).send(documentListHtml({ filter: f, page, pageSize: PAGE_SIZE, ...list }));
    },
  );
  app.get(
    '/portal/documents/:id',
    { schema: { tags, summary: '规范性文件详情页', params: IdParam } },
    async (req, reply) =>
      reply.type(HTML).send(documentDetailHtml(await getPublicDocument(db, req.params.id, today()))),
  );

  app.get(
    '/api/portal/decisions',
    { schema: { tags, summary: '年度重大行政决策事项目录(公开)', querystring: YearQuery } },
    async (req) => {
      const year = req.query.year ?? Number(today().slice(0, 4));
      return { year, catalogues: await publicDecisionCatalogue(db, year, req.query.regionCode) };
    },
  );
  app.get(
    '/api/portal/decisions/:id',
    { schema: { tags, summary: '重大行政决策公开记录', params: IdParam } },
    async (req) => getPublicDecision(db, req.params.id),
  );
  app.get(
    '/portal/decisions',
    { schema: { tags, summary: '重大行政决策事项目录', querystring: YearQuery } },
    async (req, reply) => {
      const year = req.query.year ?? Number(today().slice(0, 4));
      return reply
        .type(HTML)
        .send(catalogueHtml(year, await publicDecisionCatalogue(db, year, req.query.regionCode)));
    },
  );
  app.get(
    '/portal/decisions/:id',
    { schema: { tags, summary: '重大行政决策详情页', params: IdParam } },
    async (req, reply) => reply.type(HTML).send(decisionHtml(await getPublicDecision(db, req.params.id))),
  );

  app.get(
    '/api/portal/consultations',
    {
      schema: {
        tags,
        summary: '正在和近一年征求意见的草案',
        querystring: z.object({ regionCode: RegionCode }),
      },
    },
    async (req) => listConsultations(db, today(), req.query.regionCode),
  );
  app.get(
    '/api/portal/consultations/:kind/:id',
    { schema: { tags, summary: '征求意见草案及意见采纳情况', params: SubjectParams } },
    async (req) => getConsultation(db, req.params.kind, req.params.id, today()),
  );
  app.post(
    '/api/portal/consultations/:kind/:id/comments',
    {
      config: COMMENT_LIMIT,
      schema: { tags, summary: '提交意见(返回回执号;经审核后公开)', params: SubjectParams },
    },
    async (req, reply) =>
      reply.status(201).send(await submitComment(db, req.params.kind, req.params.id, req.body, new Date())),
  );
  app.get(
    '/api/portal/comments/:receiptNo',
    {
      schema: {
        tags,
        summary: '凭回执号查询意见审核和采纳情况',
        params: z.object({ receiptNo: z.string().regex(/^YJ[0-9]{8}[0-9A-Z]{6}$/, '回执号格式不正确') }),
      },
    },
    async (req) => commentStatus(db, req.params.receiptNo),
  );
  app.get(
    '/portal/consultations',
    { schema: { tags, summary: '意见征集', querystring: z.object({ regionCode: RegionCode }) } },
    async (req, reply) =>
      reply.type(HTML).send(consultationListHtml(await listConsultations(db, today(), req.query.regionCode))),
  );
  app.get(
    '/portal/consultations/:kind/:id',
    { schema: { tags, summary: '征求意见草案页', params: SubjectParams } },
    async (req, reply) =>
      reply
        .type(HTML)
        .send(consultationHtml(await getConsultation(db, req.params.kind, req.params.id, today()))),
  );

  // the page's plain HTML form (no script) posts urlencoded; parsed only inside this scope
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope
      .withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>()
      .post(
        '/portal/consultations/:kind/:id',
        { config: COMMENT_LIMIT, schema: { tags, summary: '提交意见(网页表单)', params: SubjectParams } },
        async (req, reply) => {
          const { kind, id } = req.params;
          const raw = (req.body ?? {}) as Record<string, unknown>;
          const form = {
            body: typeof raw.body === 'string' ? raw.body : '',
            ...(typeof raw.name === 'string' && raw.name ? { name: raw.name } : {}),
            ...(typeof raw.contact === 'string' && raw.contact ? { contact: raw.contact } : {}),
          };
          try {
            const r = await submitComment(db, kind, id, form, new Date());
            return reply
              .type(HTML)
              .send(
                consultationHtml(await getConsultation(db, kind, id, today()), { receiptNo: r.receiptNo }),
              );
          } catch (e) {
            if (!(e instanceof DomainError) || e.kind === 'notFound') throw e;
            // the reader's text comes back (cut to the limit) with the reason; nothing was stored
            return reply
              .status(e.kind === 'conflict' ? 409 : 400)
              .type(HTML)
              .send(
                consultationHtml(await getConsultation(db, kind, id, today()), {
                  error: e.message,
                  body: form.body.slice(0, 5000),
                }),
              );
          }
        },
      );
  });

  // staff: the comments of a consultation with name and contact, and their moderation
  app.get(
    '/api/legality/comments',
    {
      schema: {
        tags,
        summary: '公众意见(含姓名、联系方式,仅限审核人员)',
        querystring: z.object({ subjectId: z.uuid('不是有效的编号') }),
      },
    },
    async (req) => ({ items: await listComments(await requestCtx(req, db), req.query.subjectId) }),
  );
  app.post(
    '/api/legality/comments/:id/moderate',
    { schema: { tags, summary: '审核公众意见并答复采纳情况', params: IdParam } },
    async (req) => moderateComment(await requestCtx(req, db), req.params.id, req.body),
  );
}
