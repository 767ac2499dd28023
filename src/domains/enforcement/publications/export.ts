import { defineColumns } from '../../../platform/io/index.js';
import type { Publication } from './service.js';

/** One row of the 行政执法决定公示台账, as the screen lists it. */
export interface PublicationLedgerRow {
  decisionNo: string | null;
  caseNo: string | null;
  partyName: string | null;
  orgName: string | null;
  decidedOn: string;
  dueOn: string;
  status: string;
  publishedOn: string | null;
  sanction: string | null;
}

export const publicationLedgerColumns = defineColumns<PublicationLedgerRow>([
  { key: 'decisionNo', header: '决定书文号', kind: 'text', width: 26 },
  { key: 'caseNo', header: '案件编号', kind: 'text', width: 26 },
  { key: 'partyName', header: '当事人', kind: 'text', width: 26 },
  { key: 'orgName', header: '处罚机关', kind: 'text', width: 26 },
  { key: 'decidedOn', header: '决定日期', kind: 'date', required: true, width: 12 },
  { key: 'dueOn', header: '公示期限', kind: 'date', required: true, width: 12 },
  { key: 'status', header: '公示状态', kind: 'text', required: true, width: 14 },
  { key: 'publishedOn', header: '公示日期', kind: 'date', width: 12 },
  { key: 'sanction', header: '处罚内容', kind: 'text', width: 30 },
]);

/** A publication as one ledger row (its content's penalties are already labels). */
export function publicationLedgerRow(p: Publication): PublicationLedgerRow {
  const c = p.content;
  const state =
    p.dueState === 'overdue' ? '(逾期)' : p.dueState === 'dueSoon' ? '(临期)' : p.late ? '(超期公示)' : '';
  return {
    decisionNo: c?.decisionNo ?? null,
    caseNo: c?.caseNo ?? null,
    partyName: c?.partyName ?? null,
    orgName: c?.orgName ?? null,
    decidedOn: p.decidedOn,
    dueOn: p.dueOn,
    status: `${p.statusLabel}${state}`,
    publishedOn: p.publishedOn,
    sanction: c
      ? [c.penalties.join('、'), c.amount ? `罚款 ${c.amount} 元` : ''].filter(Boolean).join(';') || null
      : null,
  };
}
