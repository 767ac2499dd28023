import type { HomeQueue } from '../home-queues.js';
import { dueQueues } from '../home-queues.js';
import type { ReconSummary, SuggestionView } from '../pages/disputes/types.js';

const reconLine = (c: ReconSummary) => ({
  key: c.id,
  label: `${c.caseNo} ${c.applicantName}`,
  link: `/disputes/reconsiderations/${c.id}`,
  detail: c.nextDue ? c.nextDue.label : c.statusLabel,
  due: c.nextDue ? { state: c.nextDue.state, due: c.nextDue.dueOn } : undefined,
});

const suggestionLine = (s: SuggestionView) => ({
  key: s.id,
  label: `${s.documentNo} ${s.orgName}`,
  link: `/disputes/suggestions?due=${s.dueState === 'overdue' ? 'overdue' : 'dueSoon'}`,
  detail: `${s.kindLabel},${s.issuer}`,
  due: s.dueState === 'overdue' || s.dueState === 'dueSoon' ? { state: s.dueState, due: s.dueOn } : undefined,
});

/** 复议应诉's queues: 复议 cases past or near a statutory clock, 建议 whose reply is due. */
export const disputesQueues: HomeQueue[] = [
  ...dueQueues({
    key: 'recon',
    titles: { overdue: '逾期行政复议案件', dueSoon: '临期行政复议案件' },
    permission: 'disputes:reconsideration:edit',
    page: '/disputes/reconsiderations',
    path: '/api/disputes/reconsiderations',
    line: reconLine,
  }),
  ...dueQueues({
    key: 'suggestions',
    titles: { overdue: '逾期未答复的检察建议、司法建议', dueSoon: '临期的检察建议、司法建议' },
    permission: 'disputes:suggestion:edit',
    page: '/disputes/suggestions',
    path: '/api/disputes/suggestions',
    line: suggestionLine,
  }),
];
