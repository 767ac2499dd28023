import type { HomeQueue } from '../home-queues.js';
import { filteredQueue, ledgerQueue } from '../home-queues.js';
import type { ReportRow, SubmissionSummary } from '../pages/report/types.js';

const submissionLine = (s: SubmissionSummary) => ({
  key: s.id,
  label: s.title ?? '数据填报',
  link: '/report/submissions',
  detail: [
    s.orgName,
    s.deadline ? `截止 ${s.deadline}` : '',
    s.returnReason ? `退回理由:${s.returnReason}` : '',
  ]
    .filter(Boolean)
    .join(' · '),
});

/** 指标与年度报告's queues: figures to fill in, returned to correct, submitted to adopt; reports to approve. */
export const reportQueues: HomeQueue[] = [
  {
    key: 'submissions-returned',
    title: '被退回的填报',
    permission: 'planning:dataCall:fill',
    tone: 'urgent',
    link: '/report/submissions',
    load: ledgerQueue('/api/data-call-submissions', { status: 'returned' }, submissionLine),
  },
  {
    key: 'submissions-pending',
    title: '待填报',
    permission: 'planning:dataCall:fill',
    link: '/report/submissions',
    load: ledgerQueue('/api/data-call-submissions', { status: 'pending' }, submissionLine),
  },
  {
    key: 'submissions-submitted',
    title: '待采纳的填报',
    permission: 'planning:dataCall:review',
    link: '/report/data-calls',
    load: ledgerQueue<SubmissionSummary>('/api/data-call-submissions', { status: 'submitted' }, (s) => ({
      ...submissionLine(s),
      link: '/report/data-calls',
    })),
  },
  {
    key: 'reports-review',
    title: '待审定的年度报告',
    permission: 'planning:report:approve',
    link: '/report/reports',
    load: filteredQueue<ReportRow>(
      '/api/reports',
      {},
      (r) => r.status === 'review',
      (r) => ({ key: r.id, label: `${r.year} 年度报告`, link: '/report/reports', detail: r.orgName }),
    ),
  },
];
