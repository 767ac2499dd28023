import { PassThrough } from 'node:stream';
import { invalid } from '../../../../platform/errors.js';
import type { ImportStatus } from '../../../../platform/io/index.js';
import { requestCtx } from '../../../org/request-ctx.js';
import { toProblem } from '../../../../platform/http/errors.js';
import { importProblem, sendXlsx } from '../../../../platform/http/files.js';
import type { AppOptions, TypedApp } from '../../../../platform/http/types.js';
import { ENFORCEMENT_TAGS as tags } from '../../ledger-routes.js';
import {
  checkCasesFile,
  exportCases,
  importCases,
  writeCaseErrorReport,
  writeCaseTemplate,
} from './import.js';
import { authorize } from '../../../org/policy.js';
import { CaseQuery } from '../routes.js';

/** The answer with progress lines (newline-delimited JSON), asked for by `Accept`. */
const NDJSON = 'application/x-ndjson';

const uploaded = (body: unknown): Uint8Array => {
  if (!(body instanceof Buffer) || body.length === 0)
    throw invalid('import.noFile', '请上传 Excel(.xlsx)或 CSV 文件', 'file');
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
};

/** 行政执法案件历史数据: template, export, import and the error report of a failed file. */
export function registerCaseImportRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  app.get(
    '/api/enforcement/cases/import/template.xlsx',
    { schema: { tags, summary: '下载历史案件导入模板(Excel)' } },
    async (req, reply) => {
      await requestCtx(req, db);
      return sendXlsx(reply, writeCaseTemplate, '历史案件导入模板');
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
    {
      schema: {
        tags,
        summary: '导入历史案件(Excel 或 CSV;有一行错误则全部不导入)',
        description:
          '请求头 Accept: application/x-ndjson 时边导入边返回进度:每行一个 JSON,' +
          '{"progress":{已读、已校验、已写入行数,百分比,预计剩余秒数}},最后一行为 {"imported":n} 或 {"problem":{…}}。',
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const file = uploaded(req.body);
      if (!String(req.headers.accept ?? '').includes(NDJSON)) {
        const report = await importCases(ctx, file);
        if (!report.ok)
          return reply
            .status(400)
            .type('application/problem+json; charset=utf-8')
            .send(importProblem(report));
        return { imported: report.rowsWritten };
      }
      // checked before the answer starts: once it has, the status is 200 and problems go in-stream
      authorize(ctx.actor, 'enforcement:case:edit');
      const out = new PassThrough();
      const line = (value: unknown) => {
        if (!out.destroyed && !out.writableEnded) out.write(`${JSON.stringify(value)}\n`);
      };
      let last: ImportStatus | null = null;
      let sentAt = 0;
      // a long COPY batch sends nothing for a while: repeat the last status so no proxy times out
      const heartbeat = setInterval(() => last && line({ progress: last }), 10_000);
      void importCases(ctx, file, {
        onProgress: (s) => {
          last = s;
          const now = Date.now();
          if (now - sentAt < 250) return;
          sentAt = now;
          line({ progress: s });
        },
      })
        .then((report) => {
          if (last) line({ progress: last });
          line(report.ok ? { imported: report.rowsWritten } : { problem: importProblem(report) });
        })
        .catch((err: unknown) => {
          const problem = toProblem(err);
          if (problem.status >= 500) req.log.error(err);
          line({ problem });
        })
        .finally(() => {
          clearInterval(heartbeat);
          out.end();
        });
      return reply
        .type(`${NDJSON}; charset=utf-8`)
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(out);
    },
  );
  app.post(
    '/api/enforcement/cases/import/errors.xlsx',
    { schema: { tags, summary: '检查历史案件文件,下载错误报告(Excel,不写入数据)' } },
    async (req, reply) => {
      const report = await checkCasesFile(await requestCtx(req, db), uploaded(req.body));
      return sendXlsx(reply, (out) => writeCaseErrorReport(report, out), '历史案件错误报告');
    },
  );
}
