/** Permission strings of 数据填报, figures and the annual report. */
export const planningPermissions = [
  { code: 'planning:metric:list', name: '查看指标数据及明细', group: '指标与年度报告' },
  { code: 'planning:dataCall:list', name: '查看数据填报任务', group: '指标与年度报告' },
  { code: 'planning:dataCall:edit', name: '制定、下发、关闭数据填报任务', group: '指标与年度报告' },
  { code: 'planning:dataCall:review', name: '审核(采纳、退回)填报数据', group: '指标与年度报告' },
  { code: 'planning:dataCall:fill', name: '填报本单位数据', group: '指标与年度报告' },
  { code: 'planning:report:list', name: '查看年度报告', group: '指标与年度报告' },
  { code: 'planning:report:edit', name: '生成、编辑年度报告,提交审核', group: '指标与年度报告' },
  { code: 'planning:report:approve', name: '审核年度报告各部分', group: '指标与年度报告' },
  { code: 'planning:report:publish', name: '发布年度报告', group: '指标与年度报告' },
] as const;

export type PlanningPermission = (typeof planningPermissions)[number]['code'];
