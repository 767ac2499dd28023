import { PassThrough } from 'node:stream';
import { invalid } from '../../platform/errors.js';
import { requestCtx } from '../org/request-ctx.js';
import { importProblem, sendXlsx } from '../../platform/http/files.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import {
  checkCasesFile,
  exportCases,
  importCases,
  writeCaseErrorReport,
  writeCaseTemplate,
} from './case-import.js';
import { CaseQuery } from './routes-cases.js';

const uploaded = (body: unknown): Uint8Array => {
  if (!(body instanceof Buffer) || body.length === 0)
    throw invalid('import.noFile', '请上传 Excel(.xlsx)或 CSV 文件', 'file');
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
};

/** 行政执法案件历史数据: template, export, import and the error report of a failed file. */
export function registerCaseImportRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法'];
  app.get(
    '/api/enforcement/cases/import/template.xlsx',
    { schema: { tags, summary: '下载历史案件导入模板(Excel)' } },
    async (req, reply) => {
      await requestCtx(req, db);
      const out = new PassThrough();
      void writeCaseTemplate(out).catch((e) => out.destroy(e));
      return sendXlsx(reply, out, '历史案件导入模板');
    },
  );
  app.get(
    '/api/enforcement/cases/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出执法案件台账(Excel,与导入模板同列)',
        querystring: CaseQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const out = await exportCases(await requestCtx(req, db), req.query);
      return sendXlsx(reply, out, '执法案件台账');
    },
  );
  app.post(
    '/api/enforcement/cases/import',
    { schema: { tags, summary: '导入历史案件(Excel 或 CSV;有一行错误则全部不导入)' } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const report = await importCases(ctx, uploaded(req.body));
      if (!report.ok)
        return reply.status(400).type('application/problem+json; charset=utf-8').send(importProblem(report));
      return { imported: report.rowsWritten };
    },
  );
  app.post(
    '/api/enforcement/cases/import/errors.xlsx',
    { schema: { tags, summary: '检查历史案件文件,下载错误报告(Excel,不写入数据)' } },
    async (req, reply) => {
      const report = await checkCasesFile(await requestCtx(req, db), uploaded(req.body));
      const out = new PassThrough();
      void writeCaseErrorReport(report, out).catch((e) => out.destroy(e));
      return sendXlsx(reply, out, '历史案件错误报告');
    },
  );
}
