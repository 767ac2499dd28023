import type { LedgerSpec } from '../ledger-kit.js';

/** 年度工作要点: each task with its lead org (the entry's org), supporting orgs, due date and progress. */
export const workplanTasks: LedgerSpec = {
  key: 'workplan',
  table: 'oversight_workplan_task',
  title: '年度工作要点',
  dateLabel: '下达日期',
  fields: [
    { key: 'title', column: 'title', label: '工作任务', kind: 'text', required: true, max: 300 },
    { key: 'supportingOrgs', column: 'supporting_orgs', label: '配合单位', kind: 'text', max: 500 },
    { key: 'dueOn', column: 'due_on', label: '完成时限', kind: 'date', required: true },
    { key: 'progress', column: 'progress', label: '完成进度(%)', kind: 'int', upper: 100 },
    { key: 'lastUpdate', column: 'last_update', label: '最新进展', kind: 'longText', max: 2000 },
  ],
};

export const leaderDutyKinds = {
  meeting: '专题研究法治建设的会议',
  instruction: '对法治建设作出批示',
  reportHeard: '听取法治建设工作汇报',
  dutyReport: '述法',
} as const;

/** 党政主要负责人履行推进法治建设第一责任人职责规定 (中办发〔2016〕 第四条、第五条). */
export const leaderDuties: LedgerSpec = {
  key: 'leaderDuty',
  table: 'oversight_leader_duty',
  title: '第一责任人履职',
  dateLabel: '日期',
  fields: [
    {
      key: 'kind',
      column: 'kind',
      label: '履职事项',
      kind: 'enum',
      required: true,
      options: leaderDutyKinds,
    },
    { key: 'leader', column: 'leader', label: '负责人', kind: 'text', required: true, max: 100 },
    { key: 'subject', column: 'subject', label: '内容', kind: 'text', required: true, max: 500 },
    { key: 'items', column: 'items', label: '研究议题(项)', kind: 'int', upper: 1000 },
  ],
};
