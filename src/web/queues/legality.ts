import type { ReviewSummary } from '../../domains/legality/review/present.js';
import type { HomeQueue, QueueItem } from '../home-queues.js';
import { dueQueues } from '../home-queues.js';

type Review = ReviewSummary;

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
export const legalityQueues: HomeQueue[] = dueQueues<Review>({
  key: 'reviews',
  titles: { overdue: '逾期未办结的合法性审查', dueSoon: '临期的合法性审查' },
  permission: 'legality:review:handle',
  page: '/legality/reviews',
  path: '/api/legality/reviews',
  query: { sort: 'dueOn' },
  line,
});
