/** Permission strings of 双随机、一公开. */
export const inspectionPermissions = [
  { code: 'inspection:registry:list', name: '查看一单两库', group: '双随机、一公开' },
  { code: 'inspection:registry:edit', name: '维护抽查事项、检查对象和检查人员', group: '双随机、一公开' },
  { code: 'inspection:plan:list', name: '查看抽查计划、任务和抽取结果', group: '双随机、一公开' },
  { code: 'inspection:plan:edit', name: '制定抽查计划和任务', group: '双随机、一公开' },
  { code: 'inspection:draw:run', name: '随机抽取', group: '双随机、一公开' },
  { code: 'inspection:result:edit', name: '录入检查结果', group: '双随机、一公开' },
  { code: 'inspection:result:publish', name: '公示检查结果', group: '双随机、一公开' },
] as const;

export type InspectionPermission = (typeof inspectionPermissions)[number]['code'];
