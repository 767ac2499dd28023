import { defineColumns } from '../../../platform/io/index.js';
import type { DocumentSummary } from './present.js';

export interface DocumentLedgerRow {
  title: string;
  docNumber: string | null;
  orgName: string;
  status: string;
  review: string | null;
  publishedOn: string | null;
  validUntil: string | null;
  validity: string | null;
  filing: string;
}

/** The 规范性文件 ledger's columns as on screen, in its order (the 有效期 state beside its date). */
export const documentLedgerColumns = defineColumns<DocumentLedgerRow>([
  { key: 'title', header: '文件名称', kind: 'text', required: true, width: 40 },
  { key: 'docNumber', header: '文号', kind: 'text', width: 24 },
  { key: 'orgName', header: '制定机关', kind: 'text', required: true, width: 24 },
  { key: 'status', header: '状态', kind: 'text', required: true, width: 14 },
  { key: 'review', header: '审核结论', kind: 'text', width: 12 },
  { key: 'publishedOn', header: '公布日期', kind: 'date', width: 14 },
  { key: 'validUntil', header: '有效期至', kind: 'date', width: 14 },
  { key: 'validity', header: '有效期状态', kind: 'text', width: 12 },
  { key: 'filing', header: '备案', kind: 'text', required: true, width: 20 },
]);

/** One ledger row as the screen shows it (the 备案 tag and its outcome in one cell). */
export function documentLedgerRow(d: DocumentSummary): DocumentLedgerRow {
  return {
    title: d.title,
    docNumber: d.docNumber,
    orgName: d.orgName,
    status: d.statusLabel,
    review: d.reviewConclusionLabel,
    publishedOn: d.publishedOn,
    validUntil: d.validUntil,
    validity: d.validity,
    filing: d.filingOutcomeLabel ? `${d.filingStateLabel}(${d.filingOutcomeLabel})` : d.filingStateLabel,
  };
}
