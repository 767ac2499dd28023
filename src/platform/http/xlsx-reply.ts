import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { exportLedgerXlsx, type LedgerColumns } from '../io/index.js';
import { pageByPage } from '../paging.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a ledger as an .xlsx download: the same rows and filters as the screen, the columns the
 * import reads. A failure mid-way aborts the download rather than sending a truncated file.
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
  const out: Writable = new PassThrough();
  exportLedgerXlsx(o.rows, o.columns, out, { sheetName: o.sheetName }).catch((err: unknown) =>
    out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(o.filename)}`)
    .send(out);
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
