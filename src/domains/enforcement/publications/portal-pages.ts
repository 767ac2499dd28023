import { z } from 'zod';
import { IdParam, LocalDate, Paging, Text, toOffset } from '../../../platform/validation.js';
import { readDb } from '../../../platform/http/read-replica.js';
import { requestCtx } from '../../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { XLSX_MIME } from '../../../platform/http/files.js';
import { streamDownload } from '../../../platform/http/xlsx-reply.js';
import { authorize } from '../../org/policy.js';
import { PenaltyKind } from '../cases/schema.js';
import { exportCreditInfo } from './credit-export.js';
import { publicationListHtml } from './portal-html.js';
import {
  getPortalPublication,
  listPortalPublications,
  portalDetailHtml,
  portalOrgs,
  previewCasePublication,
} from './portal.js';
import { PortalKind } from './portal-rules.js';

/** An empty form field is no filter (the HTML form sends every field). */
const blank = (v: unknown) => (v === '' ? undefined : v);
const dateRange = { message: '起始日期不能晚于截止日期', path: ['from'] };

export const PortalPublicationQuery = Paging.extend({
  q: z.preprocess(blank, Text(50).optional()),
  regionCode: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[0-9]{6,12}$/, '行政区划代码应为 6 至 12 位数字')
      .optional(),
  ),
  orgId: z.preprocess(blank, z.uuid('部门编号无效').optional()),
  kind: z.preprocess(blank, z.enum(PortalKind, '类别应为行政处罚或行政许可').optional()),
  penalty: z.preprocess(blank, PenaltyKind.optional()),
  from: z.preprocess(blank, LocalDate.optional()),
  to: z.preprocess(blank, LocalDate.optional()),
}).refine((f) => !f.from || !f.to || f.from <= f.to, dateRange);

export const CreditExportQuery = z
  .object({
    kind: z.enum(PortalKind, '类别应为行政处罚(penalty)或行政许可(license)'),
    orgId: z.preprocess(blank, z.uuid('部门编号无效').optional()),
    from: z.preprocess(blank, LocalDate.optional()),
    to: z.preprocess(blank, LocalDate.optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, dateRange);
const PAGE_SIZE = 20;

/**
 * 行政执法决定公示: the public pages (/portal/publications, no login, server-rendered) and their
 * JSON (/api/portal/publications), plus the staff side: the publication preview of a case and
 * the 双公示 export for the 信用中国 platform.
 */
export function registerPublicationPortal(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法公示'];

  app.get(
    '/api/portal/publications',
    {
      schema: {
        tags,
        summary: '已公示的行政处罚、行政许可决定(公开,可全文检索)',
        querystring: PortalPublicationQuery,
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return listPortalPublications(await readDb(req, opts.handle), f, toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/portal/publications/:id',
    { schema: { tags, summary: '公示决定详情(公开;已撤回的只显示撤回日期)', params: IdParam } },
    async (req) => getPortalPublication(await readDb(req, opts.handle), req.params.id),
  );

  app.get(
    '/portal/publications',
    { schema: { tags, summary: '行政执法决定公示页', querystring: PortalPublicationQuery } },
    async (req, reply) => {
      const { page, pageSize: _ignored, ...f } = req.query;
      const reader = await readDb(req, opts.handle);
      const [list, orgs] = await Promise.all([
        listPortalPublications(reader, f, toOffset({ page, pageSize: PAGE_SIZE })),
        portalOrgs(reader, f.regionCode),
      ]);
      const html = publicationListHtml({ filter: f, page, pageSize: PAGE_SIZE, orgs, ...list });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
  app.get(
    '/portal/publications/:id',
    { schema: { tags, summary: '行政执法决定公示详情页', params: IdParam } },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(portalDetailHtml(await getPortalPublication(await readDb(req, opts.handle), req.params.id))),
  );

  app.get(
    '/api/enforcement/cases/:id/publication-preview',
    { schema: { tags, summary: '公示预览(公众将看到的内容)', params: IdParam } },
    async (req) => previewCasePublication(await requestCtx(req, db), req.params.id),
  );

  for (const format of ['xlsx', 'csv'] as const)
    app.get(
      `/api/enforcement/credit-export.${format}`,
      {
        schema: { tags, summary: `“双公示”信息导出(信用中国格式,${format})`, querystring: CreditExportQuery },
      },
      async (req, reply) => {
        const ctx = await requestCtx(req, db);
        authorize(ctx.actor, 'enforcement:case:list'); // before streaming, so a refusal is a 403
        const name = `双公示${req.query.kind === 'penalty' ? '行政处罚' : '行政许可'}信息.${format}`;
        return streamDownload(
          reply,
          name,
          (out) => exportCreditInfo(ctx, req.query, format, out),
          format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME,
        );
      },
    );
}
