import type { ViewColumn } from '../../../platform/io/index.js';
import type { Publication } from './service.js';

const statusText = (p: Publication) =>
  `${p.statusLabel}${p.dueState === 'overdue' ? '(逾期)' : p.dueState === 'dueSoon' ? '(临期)' : p.late ? '(超期公示)' : ''}`;

// the content's penalties are already labels
const sanctionText = ({ content: c }: Publication) =>
  c
    ? [c.penalties.join('、'), c.amount ? `罚款 ${c.amount} 元` : ''].filter(Boolean).join(';') || null
    : null;

/** The 行政执法决定公示台账 as the screen lists it. */
export const publicationLedgerColumns: readonly ViewColumn<Publication>[] = [
  { header: '决定书文号', kind: 'text', width: 26, value: (p) => p.content?.decisionNo ?? null },
  { header: '案件编号', kind: 'text', width: 26, value: (p) => p.content?.caseNo ?? null },
  { header: '当事人', kind: 'text', width: 26, value: (p) => p.content?.partyName ?? null },
  { header: '处罚机关', kind: 'text', width: 26, value: (p) => p.content?.orgName ?? null },
  { header: '决定日期', kind: 'date', required: true, width: 12, value: (p) => p.decidedOn },
  { header: '公示期限', kind: 'date', required: true, width: 12, value: (p) => p.dueOn },
  { header: '公示状态', kind: 'text', required: true, width: 14, value: statusText },
  { header: '公示日期', kind: 'date', width: 12, value: (p) => p.publishedOn },
  { header: '处罚内容', kind: 'text', width: 30, value: sanctionText },
];
