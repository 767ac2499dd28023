import { permissionGroup } from '../permission-group.js';

/** Permission strings of 双随机、一公开. */
export const inspectionPermissions = permissionGroup('双随机、一公开', {
  'inspection:registry:list': '查看一单两库',
  'inspection:registry:edit': '维护抽查事项、检查对象和检查人员',
  'inspection:plan:list': '查看抽查计划、任务和抽取结果',
  'inspection:plan:edit': '制定抽查计划和任务',
  'inspection:draw:run': '随机抽取',
  'inspection:result:edit': '录入检查结果',
  'inspection:result:publish': '公示检查结果',
});

export type InspectionPermission = (typeof inspectionPermissions)[number]['code'];
