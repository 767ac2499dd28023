import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../../platform/io/index.js';
import { listRectifications } from './service.js';
import { rectificationSourceLabels, rectificationStatusLabels } from './schema.js';
import type { RectificationFilter } from './store.js';

/** One row of the 整改台账 as exchanged with Excel. */
export interface RectificationLedgerRow {
  orgName: string;
  source: string;
  sourceLabel: string;
  problem: string;
  measure: string;
  foundOn: string;
  dueOn: string;
  due: string;
  status: string;
  evidenceCount: number;
  closedOn: string | null;
  issuerOrgName: string;
}

const dueLabels = { normal: '', dueSoon: '临期', overdue: '逾期' } as const;

export const rectificationLedgerColumns = defineColumns<RectificationLedgerRow>([
  { key: 'orgName', header: '责任单位', kind: 'text', required: true, width: 26 },
  { key: 'source', header: '问题来源', kind: 'text', required: true, width: 16 },
  { key: 'sourceLabel', header: '来源事项', kind: 'text', required: true, width: 30 },
  { key: 'problem', header: '问题', kind: 'text', required: true, width: 50 },
  { key: 'measure', header: '整改措施', kind: 'text', required: true, width: 40 },
  { key: 'foundOn', header: '发现日期', kind: 'date', required: true, width: 12 },
  { key: 'dueOn', header: '整改期限', kind: 'date', required: true, width: 12 },
  { key: 'due', header: '临期/逾期', kind: 'text', required: true, width: 10 },
  { key: 'status', header: '整改状态', kind: 'text', required: true, width: 14 },
  { key: 'evidenceCount', header: '佐证材料(份)', kind: 'int', required: true, width: 12 },
  { key: 'closedOn', header: '销号日期', kind: 'date', width: 12 },
  { key: 'issuerOrgName', header: '交办单位', kind: 'text', required: true, width: 24 },
]);

/** The 整改台账 (same filters as the list) to .xlsx; the stream is ended. */
export async function exportRectificationLedger(ctx: Ctx, filter: RectificationFilter, out: Writable) {
  async function* rows(): AsyncIterable<RectificationLedgerRow> {
    for (let offset = 0; ; offset += 500) {
      const { items } = await listRectifications(ctx, filter, { offset, limit: 500 });
      for (const r of items)
        yield {
          orgName: r.orgName,
          source: rectificationSourceLabels[r.source],
          sourceLabel: r.sourceLabel,
          problem: r.problem,
          measure: r.measure,
          foundOn: r.foundOn,
          dueOn: r.dueOn,
          due: dueLabels[r.dueState],
          status: rectificationStatusLabels[r.status],
          evidenceCount: r.evidenceCount,
          closedOn: r.closedOn,
          issuerOrgName: r.issuerOrgName,
        };
      if (items.length < 500) return;
    }
  }
  return exportLedgerXlsx(rows(), rectificationLedgerColumns, out, { sheetName: '整改台账' });
}
