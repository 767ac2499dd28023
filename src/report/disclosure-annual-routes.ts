import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LocalDate } from '../platform/validation.js';
import { composeDisclosureReport, requestMissingFigures } from './disclosure-annual.js';
import { renderDisclosureReportDocx, renderDisclosureReportHtml } from './disclosure-annual-render.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { authorize } from '../domains/org/policy.js';
import { getReportText, ReportYear, saveReportText } from '../domains/requests/disclosure/report-service.js';
import { disclosureSpec } from '../domains/requests/disclosure/spec.js';

const ReportQuery = z.object({ orgId: z.uuid('不是有效的编号'), year: ReportYear });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** /api/requests/disclosure-report…: the 政府信息公开工作年度报告 of an org and year. */
export function registerDisclosureReportRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['群众诉求与建议提案'];
  const load = async (req: FastifyRequest, q: z.infer<typeof ReportQuery>) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, disclosureSpec.listPermission);
    return composeDisclosureReport(ctx, q.orgId, q.year);
  };
  app.get(
    '/api/requests/disclosure-report',
    { schema: { tags, summary: '政府信息公开工作年度报告(表格由记录生成)', querystring: ReportQuery } },
    async (req) => load(req, req.query),
  );
  app.get(
    '/api/requests/disclosure-report.html',
    { schema: { tags, summary: '政府信息公开工作年度报告(网页版)', querystring: ReportQuery } },
    async (req, reply) =>
      reply.type('text/html; charset=utf-8').send(renderDisclosureReportHtml(await load(req, req.query))),
  );
  app.get(
    '/api/requests/disclosure-report.docx',
    { schema: { tags, summary: '政府信息公开工作年度报告(Word)', querystring: ReportQuery } },
    async (req, reply) => {
      const r = await load(req, req.query);
      return reply
        .header('content-type', DOCX)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${r.title}.docx`)}`,
        )
        .send(await renderDisclosureReportDocx(r));
    },
  );
  app.get(
    '/api/requests/disclosure-report/text',
    { schema: { tags, summary: '年度报告中由本单位撰写的部分', querystring: ReportQuery } },
    async (req) => getReportText(await requestCtx(req, db), req.query.orgId, req.query.year),
  );
  app.put(
    '/api/requests/disclosure-report/text',
    { schema: { tags, summary: '保存年度报告第五、六部分及报送、公布日期' } },
    async (req) => saveReportText(await requestCtx(req, db), req.body),
  );
  app.post(
    '/api/requests/disclosure-report/data-call',
    {
      schema: {
        tags,
        summary: '对没有业务记录的数据发起数据填报',
        body: z.strictObject({ orgId: z.uuid('不是有效的编号'), year: ReportYear, deadline: LocalDate }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestMissingFigures(await requestCtx(req, db), req.body)),
  );
}
