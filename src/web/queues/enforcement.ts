import type { HomeQueue } from '../home-queues.js';
import { dueQueues, ledgerQueue } from '../home-queues.js';
import type { CaseSummary } from '../pages/enforcement/types.js';

const caseLine = (c: CaseSummary) => ({
  key: c.id,
  label: `${c.caseNo} ${c.partyName}`,
  link: `/enforcement/cases/${c.id}`,
  detail: c.nextDue ? `${c.nextDue.label}` : c.statusLabel,
  due: c.nextDue ? { state: c.nextDue.state, due: c.nextDue.due } : undefined,
});

interface PublicationRow {
  id: string;
  caseId: string;
  dueOn: string;
  dueState: 'normal' | 'dueSoon' | 'overdue' | null;
  content: { caseNo: string; partyName: string } | null;
}

/** 行政执法's queues: cases awaiting 法制审核, cases past or near a statutory deadline, decisions to publish. */
export const enforcementQueues: HomeQueue[] = [
  {
    key: 'cases-review',
    title: '待法制审核案件',
    permission: 'enforcement:case:review',
    link: '/enforcement/cases?status=reviewing',
    load: ledgerQueue('/api/enforcement/cases', { status: 'reviewing' }, caseLine),
  },
  ...dueQueues({
    key: 'cases',
    titles: { overdue: '逾期案件', dueSoon: '临期案件' },
    permission: 'enforcement:case:edit',
    page: '/enforcement/cases',
    path: '/api/enforcement/cases',
    line: caseLine,
  }),
  {
    key: 'publications-pending',
    title: '待公示的执法决定',
    permission: 'enforcement:case:edit',
    link: '/enforcement/publications?status=pending',
    load: ledgerQueue<PublicationRow>('/api/enforcement/publications', { status: 'pending' }, (p) => ({
      key: p.id,
      label: p.content ? `${p.content.caseNo} ${p.content.partyName}` : '执法决定',
      link: `/enforcement/cases/${p.caseId}`,
      detail: `公示期限 ${p.dueOn}`,
      due: p.dueState ? { state: p.dueState, due: p.dueOn } : undefined,
    })),
  },
];
