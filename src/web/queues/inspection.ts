import type { HomeQueue } from '../home-queues.js';
import { filteredQueue, ledgerQueue } from '../home-queues.js';
import type { Target, Task } from '../pages/inspection/types.js';

const targetLine = (t: Target) => ({
  key: t.id,
  label: `${t.inspecteeName}(${t.taskName})`,
  link: `/inspection/results`,
  detail: t.result ? `已录入:${t.resultLabel ?? ''},待公示` : '待录入检查结果',
  due:
    t.publicationDue && (t.publicationState === 'dueSoon' || t.publicationState === 'overdue')
      ? { state: t.publicationState, due: t.publicationDue }
      : undefined,
});

/** 双随机、一公开's queues: tasks not yet drawn, results to record and publish (临期 / 逾期 first). */
export const inspectionQueues: HomeQueue[] = [
  {
    key: 'tasks-undrawn',
    title: '待抽取的抽查任务',
    permission: 'inspection:draw:run',
    link: '/inspection/draw',
    load: filteredQueue<Task>(
      '/api/inspection/tasks',
      { pageSize: 100 },
      (t) => t.drawStatus !== 'drawn',
      (t) => ({
        key: t.id,
        label: t.name,
        link: `/inspection/draw?taskId=${t.id}`,
        detail: `${t.planName} · ${t.startOn} 至 ${t.endOn}`,
      }),
    ),
  },
  {
    key: 'targets-overdue',
    title: '逾期未公示的检查结果',
    permission: 'inspection:result:edit',
    tone: 'urgent',
    link: '/inspection/results?due=overdue',
    load: ledgerQueue('/api/inspection/targets', { pending: true, due: 'overdue' }, targetLine),
  },
  {
    key: 'targets-pending',
    title: '待录入、待公示的检查结果',
    permission: 'inspection:result:edit',
    link: '/inspection/results',
    load: ledgerQueue('/api/inspection/targets', { pending: true }, targetLine),
  },
];
