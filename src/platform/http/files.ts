import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ImportReport } from '../io/index.js';
import { invalid } from '../errors.js';
import type { Problem } from './errors.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A stream that `write` starts writing at once (the reply can be sent before it ends); a failure
 * mid-way destroys the stream, so a download is aborted rather than sent truncated.
 */
export function startWriting(write: (out: Writable) => Promise<unknown>): PassThrough {
  const out = new PassThrough();
  write(out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/**
 * Sends an .xlsx download named `<name>-YYYYMMDD.xlsx` (RFC 5987 for the Chinese file name): a
 * stream, or what a writer writes (started by `startWriting`).
 */
export function sendXlsx(
  reply: FastifyReply,
  source: Readable | ((out: Writable) => Promise<unknown>),
  name: string,
) {
  const stream = typeof source === 'function' ? startWriting(source) : source;
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const file = encodeURIComponent(`${name}-${day}.xlsx`);
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${file}`)
    .send(stream);
}

/** Sends a stored attachment as a download under the name it was uploaded with (RFC 5987). */
export function sendStoredFile(
  reply: FastifyReply,
  meta: { mime: string; originalName: string },
  bytes: Uint8Array,
) {
  return reply
    .type(meta.mime)
    .header(
      'content-disposition',
      `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`,
    )
    .send(Buffer.from(bytes));
}

/** The file an import route received as its body (Excel or CSV); 400 naming `file` when there is none. */
export function uploadedFile(body: unknown): Uint8Array {
  if (!(body instanceof Buffer) || body.length === 0)
    throw invalid('import.noFile', '请上传 Excel(.xlsx)或 CSV 文件', 'file');
  return new Uint8Array(body);
}

/** An import's answer: 400 problem+json listing the bad rows (nothing was written), else the rows written. */
export function importAnswer(reply: FastifyReply, report: ImportReport) {
  if (!report.ok)
    return reply.status(400).type('application/problem+json; charset=utf-8').send(importProblem(report));
  return { imported: report.rowsWritten };
}

/** A failed import as problem+json: every bad row with its row number, column and message. */
export function importProblem(report: ImportReport): Problem {
  const first = report.errors[0];
  return {
    type: 'about:blank',
    title: '请求有误',
    status: 400,
    code: 'import.invalidRows',
    detail: `导入失败:共 ${report.errorCount} 处错误,未写入任何数据${first ? `(第 ${first.row} 行“${first.column}”:${first.message})` : ''}`,
    errors: report.errors.map((e) => ({
      field: `row ${e.row}${e.column ? ` ${e.column}` : ''}`,
      message: e.message,
      row: e.row,
      column: e.column,
    })),
    errorCount: report.errorCount,
    unknownColumns: report.unknownColumns,
  };
}
