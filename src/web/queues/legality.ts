import type { HomeQueue, QueueItem } from '../home-queues.js';
import { ledgerQueue } from '../home-queues.js';

interface Review {
  id: string;
  title: string;
  kindLabel: string;
  orgName: string;
  dueOn: string | null;
  dueState: string;
}

const line = (r: Review): QueueItem => ({
  key: r.id,
  label: r.title,
  link: `/legality/reviews?open=${r.id}`,
  detail: `${r.kindLabel} · ${r.orgName}`,
  due:
    r.dueOn && (r.dueState === 'dueSoon' || r.dueState === 'overdue')
      ? { state: r.dueState, due: r.dueOn }
      : undefined,
});

/** 合法性审查台's queues on the home page: 逾期 first, then 临期 (the desk's own stored due dates). */
export const legalityQueues: HomeQueue[] = [
  {
    key: 'reviews-overdue',
    title: '逾期未办结的合法性审查',
    permission: 'legality:review:handle',
    tone: 'urgent',
    link: '/legality/reviews?due=overdue',
    load: ledgerQueue<Review>('/api/legality/reviews', { due: 'overdue', sort: 'dueOn' }, line),
  },
  {
    key: 'reviews-due-soon',
    title: '临期的合法性审查',
    permission: 'legality:review:handle',
    link: '/legality/reviews?due=dueSoon',
    load: ledgerQueue<Review>('/api/legality/reviews', { due: 'dueSoon', sort: 'dueOn' }, line),
  },
];
