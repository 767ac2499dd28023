import { permissionGroup } from '../permission-group.js';

/** Permission strings of 数据填报, figures and the annual report. */
export const planningPermissions = permissionGroup('指标与年度报告', {
  'planning:metric:list': '查看指标数据及明细',
  'planning:dataCall:list': '查看数据填报任务',
  'planning:dataCall:edit': '制定、下发、关闭数据填报任务',
  'planning:dataCall:review': '审核(采纳、退回)填报数据',
  'planning:dataCall:fill': '填报本单位数据',
  'planning:report:list': '查看年度报告',
  'planning:report:edit': '生成、编辑年度报告,提交审核',
  'planning:report:approve': '审核年度报告各部分',
  'planning:report:publish': '发布年度报告',
});

export type PlanningPermission = (typeof planningPermissions)[number]['code'];
