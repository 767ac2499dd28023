import type { Writable } from 'node:stream';
import type { Ctx } from '../platform/context.js';
import { exportLedgerXlsx, type ViewColumn, viewLedger } from '../platform/io/index.js';
import { authorize } from './org/policy.js';
import type { Permission } from './permissions.js';

/**
 * A ledger's Excel export with the ledger's own filters: refused without `permission` before
 * anything is read, then the records `records` reads, presented by `columns` as on screen (columns
 * that depend on the day are given as a function of the context), streamed to one sheet named
 * `sheetName`; the stream is ended.
 */
export function ledgerExport<Filter, Row>(spec: {
  permission: Permission;
  sheetName: string;
  columns: readonly ViewColumn<Row>[] | ((ctx: Ctx) => readonly ViewColumn<Row>[]);
  records: (ctx: Ctx, filter: Filter) => Promise<AsyncIterable<Row>> | AsyncIterable<Row>;
}): (ctx: Ctx, filter: Filter, out: Writable) => Promise<{ rows: number }> {
  return async (ctx, filter, out) => {
    authorize(ctx.actor, spec.permission);
    const columns = typeof spec.columns === 'function' ? spec.columns(ctx) : spec.columns;
    const ledger = viewLedger(columns, await spec.records(ctx, filter));
    return exportLedgerXlsx(ledger.rows, ledger.columns, out, { sheetName: spec.sheetName });
  };
}
