import type { Writable } from 'node:stream';
import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../../platform/io/index.js';
import { authorize } from '../../org/policy.js';
import { presentReview } from './present.js';
import { iterateReviews, type ReviewFilter } from './store.js';

interface ReviewLedgerRow {
  orgName: string;
  kind: string;
  title: string;
  submittedOn: string;
  dueOn: string | null;
  status: string;
  dueState: string;
  conclusion: string | null;
  concludedOn: string | null;
  opinionCount: number;
}

const columns = defineColumns<ReviewLedgerRow>([
  { key: 'orgName', header: '报送单位', kind: 'text', required: true, width: 28 },
  { key: 'kind', header: '审查对象类别', kind: 'text', required: true, width: 16 },
  { key: 'title', header: '审查事项', kind: 'text', required: true, width: 40 },
  { key: 'submittedOn', header: '报送日期', kind: 'date', required: true, width: 14 },
  { key: 'dueOn', header: '审查期限', kind: 'date', width: 14 },
  { key: 'status', header: '办理状态', kind: 'text', required: true, width: 16 },
  { key: 'dueState', header: '期限状态', kind: 'text', required: true, width: 18 },
  { key: 'conclusion', header: '审查结论', kind: 'text', width: 12 },
  { key: 'concludedOn', header: '出具意见日期', kind: 'date', width: 14 },
  { key: 'opinionCount', header: '意见条数', kind: 'int', required: true, width: 10 },
]);

/** Streams the 合法性审查台账 (same filters as the queue) to .xlsx; the stream is ended. */
export async function exportReviewLedger(
  ctx: Ctx,
  filter: ReviewFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'legality:review:list');
  const today = chinaDate(ctx.now());
  const calendar = await loadWorkCalendar(ctx.db);
  async function* rows(): AsyncIterable<ReviewLedgerRow> {
    for await (const row of iterateReviews(ctx.db, ctx.scope, filter, today)) {
      const r = presentReview(row, today, calendar);
      yield {
        orgName: r.orgName,
        kind: r.kindLabel,
        title: r.title,
        submittedOn: r.submittedOn,
        dueOn: r.dueOn,
        status: r.statusLabel,
        // 暂估 with its reason, as on the desk (the year's holiday arrangement is not published)
        dueState: r.dueProvisionalReason
          ? `${r.dueStateLabel}(暂估:${r.dueProvisionalReason})`
          : r.dueStateLabel,
        conclusion: r.conclusionLabel,
        concludedOn: r.concludedOn,
        opinionCount: r.opinionCount,
      };
    }
  }
  return exportLedgerXlsx(rows(), columns, out, { sheetName: '合法性审查台账' });
}
