import type { ViewColumn } from '../../../platform/io/index.js';
import type { DocumentSummary } from './present.js';

/** The 规范性文件 ledger's columns as on screen, in its order (the 有效期 state beside its date). */
export const documentLedgerColumns: readonly ViewColumn<DocumentSummary>[] = [
  { header: '文件名称', kind: 'text', required: true, width: 40, value: (d) => d.title },
  { header: '文号', kind: 'text', width: 24, value: (d) => d.docNumber },
  { header: '制定机关', kind: 'text', required: true, width: 24, value: (d) => d.orgName },
  { header: '状态', kind: 'text', required: true, width: 14, value: (d) => d.statusLabel },
  { header: '审核结论', kind: 'text', width: 12, value: (d) => d.reviewConclusionLabel },
  { header: '公布日期', kind: 'date', width: 14, value: (d) => d.publishedOn },
  { header: '有效期至', kind: 'date', width: 14, value: (d) => d.validUntil },
  { header: '有效期状态', kind: 'text', width: 12, value: (d) => d.validity },
  {
    header: '备案',
    kind: 'text',
    required: true,
    width: 20,
    // the 备案 tag and its outcome in one cell, as the screen shows it
    value: (d) =>
      d.filingOutcomeLabel ? `${d.filingStateLabel}(${d.filingOutcomeLabel})` : d.filingStateLabel,
  },
];
