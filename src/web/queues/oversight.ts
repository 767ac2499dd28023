import type { HomeQueue, QueueItem } from '../home-queues.js';
import { dueQueues, ledgerQueue } from '../home-queues.js';
import { fillDueState, todayInChina } from '../pages/oversight/assessment-labels.js';

interface UnitRow {
  id: string;
  orgName: string;
  roundTitle: string;
  fillDue: string;
  status: string;
  returnedNote: string;
}
interface RectificationRow {
  id: string;
  orgName: string;
  problem: string;
  sourceLabel: string;
  dueOn: string;
  dueState: 'normal' | 'dueSoon' | 'overdue';
}

const unitLine =
  (detail: (u: UnitRow) => string) =>
  (u: UnitRow): QueueItem => ({
    key: u.id,
    label: `${u.roundTitle}(${u.orgName})`,
    link: `/oversight/assessment/units/${u.id}`,
    detail: detail(u),
    due: { state: fillDueState(u.fillDue, u.status, todayInChina()), due: u.fillDue },
  });
const rectLine = (r: RectificationRow): QueueItem => ({
  key: r.id,
  label: r.problem,
  link: `/oversight/rectifications?due=${r.dueState}`,
  detail: `${r.orgName} · ${r.sourceLabel}`,
  due: { state: r.dueState, due: r.dueOn },
});

/** 监督督察's queues: 考评 sheets to fill and to score, 整改 items overdue and due soon. */
export const oversightQueues: HomeQueue[] = [
  {
    key: 'assessment-filling',
    title: '待填报的考评',
    permission: 'oversight:assessment:fill',
    link: '/oversight/assessment?status=filling',
    load: ledgerQueue(
      '/api/oversight/assessment-units',
      { status: 'filling' },
      unitLine((u) => (u.returnedNote ? `被退回:${u.returnedNote}` : `填报截止 ${u.fillDue}`)),
    ),
  },
  {
    key: 'assessment-submitted',
    title: '待赋分的考评',
    permission: 'oversight:assessment:score',
    link: '/oversight/assessment?status=submitted',
    load: ledgerQueue(
      '/api/oversight/assessment-units',
      { status: 'submitted' },
      unitLine(() => '已报送,待审核赋分'),
    ),
  },
  ...dueQueues({
    key: 'rectifications',
    titles: { overdue: '逾期未销号的整改事项', dueSoon: '临期的整改事项' },
    permission: 'oversight:rectification:edit',
    page: '/oversight/rectifications',
    path: '/api/oversight/rectifications',
    line: rectLine,
  }),
];
