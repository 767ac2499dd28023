import type { HomeQueue } from '../home-queues.js';
import { ledgerQueue } from '../home-queues.js';
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
  {
    key: 'recon-overdue',
    title: '逾期行政复议案件',
    permission: 'disputes:reconsideration:edit',
    tone: 'urgent',
    link: '/disputes/reconsiderations?due=overdue',
    load: ledgerQueue('/api/disputes/reconsiderations', { due: 'overdue' }, reconLine),
  },
  {
    key: 'recon-due-soon',
    title: '临期行政复议案件',
    permission: 'disputes:reconsideration:edit',
    link: '/disputes/reconsiderations?due=dueSoon',
    load: ledgerQueue('/api/disputes/reconsiderations', { due: 'dueSoon' }, reconLine),
  },
  {
    key: 'suggestions-overdue',
    title: '逾期未答复的检察建议、司法建议',
    permission: 'disputes:suggestion:edit',
    tone: 'urgent',
    link: '/disputes/suggestions?due=overdue',
    load: ledgerQueue('/api/disputes/suggestions', { due: 'overdue' }, suggestionLine),
  },
  {
    key: 'suggestions-due-soon',
    title: '临期的检察建议、司法建议',
    permission: 'disputes:suggestion:edit',
    link: '/disputes/suggestions?due=dueSoon',
    load: ledgerQueue('/api/disputes/suggestions', { due: 'dueSoon' }, suggestionLine),
  },
];
