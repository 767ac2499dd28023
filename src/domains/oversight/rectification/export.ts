import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { exportLedgerXlsx, type ViewColumn, viewLedger } from '../../../platform/io/index.js';
import { pageByPage } from '../../../platform/paging.js';
import { listRectifications, type presentRectification } from './service.js';
import { rectificationSourceLabels, rectificationStatusLabels } from './schema.js';
import type { RectificationFilter } from './store.js';

type Rectification = ReturnType<typeof presentRectification>;

const dueLabels = { normal: '', dueSoon: '临期', overdue: '逾期' } as const;

/** The 整改台账 as exported to Excel. */
export const rectificationLedgerColumns: readonly ViewColumn<Rectification>[] = [
  { header: '责任单位', kind: 'text', required: true, width: 26, value: (r) => r.orgName },
  {
    header: '问题来源',
    kind: 'text',
    required: true,
    width: 16,
    value: (r) => rectificationSourceLabels[r.source],
  },
  { header: '来源事项', kind: 'text', required: true, width: 30, value: (r) => r.sourceLabel },
  { header: '问题', kind: 'text', required: true, width: 50, value: (r) => r.problem },
  { header: '整改措施', kind: 'text', required: true, width: 40, value: (r) => r.measure },
  { header: '发现日期', kind: 'date', required: true, width: 12, value: (r) => r.foundOn },
  { header: '整改期限', kind: 'date', required: true, width: 12, value: (r) => r.dueOn },
  { header: '临期/逾期', kind: 'text', required: true, width: 10, value: (r) => dueLabels[r.dueState] },
  {
    header: '整改状态',
    kind: 'text',
    required: true,
    width: 14,
    value: (r) => rectificationStatusLabels[r.status],
  },
  { header: '佐证材料(份)', kind: 'int', required: true, width: 12, value: (r) => r.evidenceCount },
  { header: '销号日期', kind: 'date', width: 12, value: (r) => r.closedOn },
  { header: '交办单位', kind: 'text', required: true, width: 24, value: (r) => r.issuerOrgName },
];

/** The 整改台账 (same filters as the list) to .xlsx; the stream is ended. */
export async function exportRectificationLedger(ctx: Ctx, filter: RectificationFilter, out: Writable) {
  const records = pageByPage(async (page) => {
    const { items } = await listRectifications(ctx, filter, page);
    return { rows: items, last: false };
  });
  const ledger = viewLedger(rectificationLedgerColumns, records);
  return exportLedgerXlsx(ledger.rows, ledger.columns, out, { sheetName: '整改台账' });
}
