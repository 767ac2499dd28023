import { escapeHtml, portalPage } from '../../platform/http/portal-page.js';
import { readDb } from '../../platform/http/read-replica.js';
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import { IdParam } from '../../platform/validation.js';
import { renderReportDocx } from '../docx-renderer.js';
import { readIssuer } from '../issuer.js';
import { renderReportArticle, renderReportHtml, reportStyle } from '../html-renderer.js';
import { requestCtx } from '../../domains/org/request-ctx.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { authorize } from '../../domains/org/policy.js';
import { CompareQuery, compareReportVersions } from './report-compare.js';
import {
  ApprovePartInput,
  approvePart,
  EditNarrativesInput,
  editNarratives,
  GenerateReportInput,
  generateReport,
  getReport,
  getReportVersion,
  publishReport,
  ReportVersionInput,
  ReturnReportInput,
  returnReport,
  submitReport,
} from './report-service.js';
import { findPublishedVersion, listPublished, listReports } from './report-store.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const VersionQuery = z.object({ no: z.coerce.number().int().min(1).max(2147483647).optional() });

/** RFC 5987 filename for Chinese titles. */
export function attachmentHeader(filename: string): string {
  return `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerReportRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  /** A published report's version, read from a replica when there is one; anything else: 404. */
  const publishedVersion = async (req: Parameters<typeof readDb>[0], id: string) => {
    const v = await findPublishedVersion(await readDb(req, opts.handle), id);
    if (!v) throw notFound('report.notFound', '报告不存在或尚未发布');
    return v;
  };
  const tags = ['年度报告'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);

  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: '年度报告列表',
        querystring: z.object({ year: z.coerce.number().int().min(1949).max(2100).optional() }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'planning:report:list');
      const items = await listReports(db, ctx.scope, req.query);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/reports/generate',
    { schema: { tags, summary: '根据指标生成(或刷新)报告草稿', body: GenerateReportInput } },
    async (req) => generateReport(await requestCtx(req, db), req.body),
  );

  r.get('/api/reports/:id', '年度报告(当前版本及历史版本)', getReport);

  app.get(
    '/api/reports/:id/versions/:no',
    {
      schema: {
        tags,
        summary: '某一版本',
        params: IdParam.extend({ no: z.coerce.number().int().min(1).max(2147483647) }),
      },
    },
    async (req) => getReportVersion(await requestCtx(req, db), req.params.id, req.params.no),
  );

  app.get(
    '/api/reports/:id/compare',
    {
      schema: {
        tags,
        summary: '两个版本对比:变化的数据(及原因)和语句',
        params: IdParam,
        querystring: CompareQuery,
      },
    },
    async (req) => compareReportVersions(await requestCtx(req, db), req.params.id, req.query),
  );

  r.act('/api/reports/:id/narratives', '编辑文字部分', EditNarrativesInput, editNarratives, 'patch');

  r.act('/api/reports/:id/submit', '提交审核', ReportVersionInput, submitReport);

  r.act('/api/reports/:id/approve-part', '审核通过一个部分', ApprovePartInput, approvePart);

  r.act('/api/reports/:id/return', '退回修改', ReturnReportInput, returnReport);

  r.act('/api/reports/:id/publish', '发布', ReportVersionInput, publishReport);

  app.get(
    '/api/reports/:id/docx',
    { schema: { tags, summary: '下载 Word(GB/T 9704)', params: IdParam, querystring: VersionQuery } },
    async (req, reply) => {
      const v = await getReportVersion(await requestCtx(req, db), req.params.id, req.query.no);
      const buf = await renderReportDocx(v.content, await readIssuer(db, v.content.orgId, v.content.orgName));
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachmentHeader(`${v.content.title}.docx`))
        .send(buf);
    },
  );

  app.get(
    '/api/reports/:id/html',
    { schema: { tags, summary: '网页版(数据可追溯到明细)', params: IdParam, querystring: VersionQuery } },
    async (req, reply) => {
      const v = await getReportVersion(await requestCtx(req, db), req.params.id, req.query.no);
      return reply.type('text/html; charset=utf-8').send(renderReportHtml(v.content));
    },
  );

  // public portal: published versions only, no session (auth-plugin lets /api/portal/ through)
  app.get('/api/portal/reports', { schema: { tags, summary: '已发布的年度报告(公开)' } }, async (req) => {
    const rows = await listPublished(await readDb(req, opts.handle));
    return {
      items: rows.map((r) => ({
        id: r.id,
        year: r.year,
        orgName: r.org_name,
        no: r.no,
        publishedAt: r.published_at,
        title: `${r.org_name}关于${r.year}年度法治政府建设工作情况的报告`,
      })),
      total: rows.length,
    };
  });

  app.get(
    '/api/portal/reports/:id',
    { schema: { tags, summary: '已发布报告全文(公开)', params: IdParam } },
    async (req, reply) => {
      const v = await publishedVersion(req, req.params.id);
      return reply.type('text/html; charset=utf-8').send(renderReportHtml(v.content, { recordLinks: false }));
    },
  );

  app.get(
    '/api/portal/reports/:id/docx',
    { schema: { tags, summary: '已发布报告 Word(公开)', params: IdParam } },
    async (req, reply) => {
      const v = await publishedVersion(req, req.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachmentHeader(`${v.content.title}.docx`))
        .send(await renderReportDocx(v.content, await readIssuer(db, v.content.orgId, v.content.orgName)));
    },
  );

  // the public pages themselves (no /api/ prefix: readable by anyone, no script needed)
  app.get(
    '/portal/reports',
    { schema: { tags, summary: '法治政府建设年度报告公开页' } },
    async (req, reply) => {
      const rows = await listPublished(await readDb(req, opts.handle));
      return reply.type('text/html; charset=utf-8').send(portalIndexHtml(rows));
    },
  );

  app.get(
    '/portal/reports/:id',
    { schema: { tags, summary: '年度报告全文公开页', params: IdParam } },
    async (req, reply) => {
      const v = await publishedVersion(req, req.params.id);
      return reply.type('text/html; charset=utf-8').send(portalReportHtml(req.params.id, v.content));
    },
  );
}

/** One published report in the public site's frame, with its Word file; readable on a phone. */
function portalReportHtml(id: string, content: Parameters<typeof renderReportArticle>[0]): string {
  return portalPage({
    title: content.title,
    breadcrumbs: [{ label: '法治政府建设年度报告', href: '/portal/reports' }, { label: content.title }],
    style: `.report{font:1.125rem/2 "仿宋_GB2312","FangSong",serif;color:#000;max-width:48rem;margin:0 auto}
${reportStyle('.report')}
.report table{display:block;overflow-x:auto}
@media (max-width:600px){.report h1{font-size:1.375rem}.report h2,.report h3,.report p{font-size:1.0625rem;line-height:1.9}}`,
    body: `<p><a href="/api/portal/reports/${escapeHtml(id)}/docx">下载 Word 版</a></p><article class="report">${renderReportArticle(content, { recordLinks: false })}</article>`,
  });
}

const esc = escapeHtml;

/** The list of published reports, newest first, each with its Word file. */
export function portalIndexHtml(
  rows: readonly { id: string; year: number; org_name: string; published_at: Date | null }[],
): string {
  const items = rows
    .map((r) => {
      const title = `${r.org_name}关于${r.year}年度法治政府建设工作情况的报告`;
      const day = r.published_at ? r.published_at.toISOString().slice(0, 10) : '';
      return `<li><a href="/portal/reports/${r.id}">${esc(title)}</a> <small>${day} 发布 · <a href="/api/portal/reports/${r.id}/docx">Word 版</a></small></li>`;
    })
    .join('');
  return portalPage({
    title: '法治政府建设年度报告',
    breadcrumbs: [{ label: '法治政府建设年度报告' }],
    body: `<h1>法治政府建设年度报告</h1>${items ? `<ul>${items}</ul>` : '<p>暂无已发布的报告。</p>'}`,
  });
}
