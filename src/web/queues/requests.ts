import type { HomeQueue } from '../home-queues.js';
import { ledgerQueue } from '../home-queues.js';
import { type ItemSummary, kinds } from '../pages/requests/types.js';

/** What the clock of each ledger waits for, as the card names it. */
const waiting = {
  disclosure: '待答复的政府信息公开申请',
  petitions: '待办理的信访事项',
  mediation: '待调解、待履行的纠纷',
  'legal-aid': '待审查、待指派的法律援助申请',
  proposals: '待答复的建议提案',
} as const satisfies Record<keyof typeof kinds, string>;

const line = (path: keyof typeof kinds) => (x: ItemSummary) => ({
  key: x.id,
  label: `${x.receiptNo} ${x.subject}`,
  link: `/requests/${path}/${x.id}`,
  detail: [x.orgName, x.statusLabel].filter(Boolean).join(' · '),
  due: x.dueOn && x.dueState ? { state: x.dueState, due: x.dueOn } : undefined,
});

/** 群众诉求与建议提案's queues: per ledger, items 逾期 (red) and 临期 under their statutory clock. */
export const requestsQueues: HomeQueue[] = (Object.keys(kinds) as (keyof typeof kinds)[]).flatMap((path) =>
  (['overdue', 'dueSoon'] as const).map(
    (due): HomeQueue => ({
      key: `requests-${path}-${due}`,
      title: `${due === 'overdue' ? '逾期' : '临期'}${waiting[path]}`,
      permission: `${kinds[path].permission}:edit`,
      ...(due === 'overdue' ? { tone: 'urgent' as const } : {}),
      link: `/requests/${path}?due=${due}`,
      load: ledgerQueue(`/api/requests/${path}`, { due, sort: 'dueOn' }, line(path)),
    }),
  ),
);
