import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { chinaDate } from '../../../platform/context.js';
import type { ViewColumn } from '../../../platform/io/index.js';
import { mapRows } from '../../../platform/paging.js';
import { ledgerExport } from '../../ledger-export.js';
import { presentReview, type ReviewSummary } from './present.js';
import { iterateReviews, type ReviewFilter } from './store.js';

// 暂估 with its reason, as on the desk (the year's holiday arrangement is not published)
const dueStateText = (r: ReviewSummary) =>
  r.dueProvisionalReason ? `${r.dueStateLabel}(暂估:${r.dueProvisionalReason})` : r.dueStateLabel;

const columns: readonly ViewColumn<ReviewSummary>[] = [
  { header: '报送单位', kind: 'text', required: true, width: 28, value: (r) => r.orgName },
  { header: '审查对象类别', kind: 'text', required: true, width: 16, value: (r) => r.kindLabel },
  { header: '审查事项', kind: 'text', required: true, width: 40, value: (r) => r.title },
  { header: '报送日期', kind: 'date', required: true, width: 14, value: (r) => r.submittedOn },
  { header: '审查期限', kind: 'date', width: 14, value: (r) => r.dueOn },
  { header: '办理状态', kind: 'text', required: true, width: 16, value: (r) => r.statusLabel },
  { header: '期限状态', kind: 'text', required: true, width: 18, value: dueStateText },
  { header: '审查结论', kind: 'text', width: 12, value: (r) => r.conclusionLabel },
  { header: '出具意见日期', kind: 'date', width: 14, value: (r) => r.concludedOn },
  { header: '意见条数', kind: 'int', required: true, width: 10, value: (r) => r.opinionCount },
];

/** Streams the 合法性审查台账 (same filters as the queue) to .xlsx; the stream is ended. */
export const exportReviewLedger = ledgerExport({
  permission: 'legality:review:list',
  sheetName: '合法性审查台账',
  columns,
  records: async (ctx, filter: ReviewFilter) => {
    const today = chinaDate(ctx.now());
    const calendar = await loadWorkCalendar(ctx.db);
    return mapRows(iterateReviews(ctx.db, ctx.scope, filter, today), (row) =>
      presentReview(row, today, calendar),
    );
  },
});
