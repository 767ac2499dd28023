import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../../platform/io/index.js';
import { authorize } from '../../org/policy.js';
import { presentDecision } from './present.js';
import { type DecisionFilter, listDecisions } from './store.js';

interface DecisionLedgerRow {
  orgName: string;
  year: number;
  title: string;
  category: string;
  undertakingOrg: string;
  commentTo: string | null;
  expertOn: string | null;
  riskOn: string | null;
  review: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  status: string;
}

const columns = defineColumns<DecisionLedgerRow>([
  { key: 'orgName', header: '决策机关', kind: 'text', required: true, width: 24 },
  { key: 'year', header: '目录年度', kind: 'int', required: true, width: 10 },
  { key: 'title', header: '决策事项', kind: 'text', required: true, width: 36 },
  { key: 'category', header: '事项类别', kind: 'text', required: true, width: 22 },
  { key: 'undertakingOrg', header: '承办单位', kind: 'text', required: true, width: 20 },
  { key: 'commentTo', header: '征求意见截止', kind: 'date', width: 14 },
  { key: 'expertOn', header: '专家论证日期', kind: 'date', width: 14 },
  { key: 'riskOn', header: '风险评估日期', kind: 'date', width: 14 },
  { key: 'review', header: '合法性审查', kind: 'text', width: 12 },
  { key: 'decidedOn', header: '决定日期', kind: 'date', width: 14 },
  { key: 'publishedOn', header: '公布日期', kind: 'date', width: 14 },
  { key: 'archivedOn', header: '归档日期', kind: 'date', width: 14 },
  { key: 'status', header: '状态', kind: 'text', required: true, width: 24 },
]);

/** Streams the 重大行政决策台账 (same filters as the ledger) to .xlsx; the stream is ended. */
export async function exportDecisionLedger(
  ctx: Ctx,
  filter: DecisionFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'legality:decision:list');
  async function* rows(): AsyncIterable<DecisionLedgerRow> {
    for (let offset = 0; ; offset += 500) {
      const page = await listDecisions(ctx.db, ctx.scope, filter, { offset, limit: 500 });
      for (const row of page.rows) {
        const d = presentDecision(row);
        yield {
          orgName: d.orgName,
          year: d.year,
          title: d.title,
          category: d.categoryLabel,
          undertakingOrg: d.undertakingOrg,
          commentTo: d.commentTo,
          expertOn: d.expertOn,
          riskOn: d.riskOn,
          review: d.reviewConclusionLabel,
          decidedOn: d.decidedOn,
          publishedOn: d.publishedOn,
          archivedOn: d.archivedOn,
          status: d.stageNote ? `${d.statusLabel}(${d.stageNote})` : d.statusLabel,
        };
      }
      if (page.rows.length < 500) return;
    }
  }
  return exportLedgerXlsx(rows(), columns, out, { sheetName: '重大行政决策台账' });
}
