import type { Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { exportLedgerXlsx, type LedgerColumns } from '../io/index.js';
import { pageByPage } from '../paging.js';
import { startWriting, XLSX_MIME } from './files.js';

/**
 * Streams what `write` writes as a download named `filename` (RFC 5987 for the Chinese name). The
 * writer starts at once; a failure mid-way aborts the download rather than sending a truncated file.
 */
export function streamDownload(
  reply: FastifyReply,
  filename: string,
  write: (out: Writable) => Promise<unknown>,
  contentType: string = XLSX_MIME,
) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(startWriting(write));
}

/**
 * Streams a ledger as an .xlsx download: the same rows and filters as the screen, the columns the
 * import reads.
 */
export function sendLedgerXlsx<Row>(
  reply: FastifyReply,
  o: {
    filename: string;
    sheetName: string;
    columns: LedgerColumns<Row>;
    rows: AsyncIterable<Row> | Iterable<Row>;
  },
) {
  return streamDownload(reply, o.filename, (out) =>
    exportLedgerXlsx(o.rows, o.columns, out, { sheetName: o.sheetName }),
  );
}

/** Every row of a paged search, read page by page (the export of a ledger the screen pages). */
export function allPages<T>(
  search: (page: { offset: number; limit: number }) => Promise<{ items: T[]; total: number }>,
  limit = 500,
): AsyncIterable<T> {
  return pageByPage(async (page) => {
    const { items, total } = await search(page);
    return { rows: items, last: page.offset + page.limit >= total };
  }, limit);
}
