import type { ViewColumn } from '../../../platform/io/index.js';
import { pageByPage } from '../../../platform/paging.js';
import { ledgerExport } from '../../ledger-export.js';
import { type DecisionSummary, presentDecision } from './present.js';
import { type DecisionFilter, listDecisions } from './store.js';

const columns: readonly ViewColumn<DecisionSummary>[] = [
  { header: '决策机关', kind: 'text', required: true, width: 24, value: (d) => d.orgName },
  { header: '目录年度', kind: 'int', required: true, width: 10, value: (d) => d.year },
  { header: '决策事项', kind: 'text', required: true, width: 36, value: (d) => d.title },
  { header: '事项类别', kind: 'text', required: true, width: 22, value: (d) => d.categoryLabel },
  { header: '承办单位', kind: 'text', required: true, width: 20, value: (d) => d.undertakingOrg },
  { header: '征求意见截止', kind: 'date', width: 14, value: (d) => d.commentTo },
  { header: '专家论证日期', kind: 'date', width: 14, value: (d) => d.expertOn },
  { header: '风险评估日期', kind: 'date', width: 14, value: (d) => d.riskOn },
  { header: '合法性审查', kind: 'text', width: 12, value: (d) => d.reviewConclusionLabel },
  { header: '决定日期', kind: 'date', width: 14, value: (d) => d.decidedOn },
  { header: '公布日期', kind: 'date', width: 14, value: (d) => d.publishedOn },
  { header: '归档日期', kind: 'date', width: 14, value: (d) => d.archivedOn },
  {
    header: '状态',
    kind: 'text',
    required: true,
    width: 24,
    value: (d) => (d.stageNote ? `${d.statusLabel}(${d.stageNote})` : d.statusLabel),
  },
];

/** Streams the 重大行政决策台账 (same filters as the ledger) to .xlsx; the stream is ended. */
export const exportDecisionLedger = ledgerExport({
  permission: 'legality:decision:list',
  sheetName: '重大行政决策台账',
  columns,
  records: (ctx, filter: DecisionFilter) =>
    pageByPage(async (page) => {
      const { rows } = await listDecisions(ctx.db, ctx.scope, filter, page);
      return { rows: rows.map(presentDecision), last: false };
    }),
});
