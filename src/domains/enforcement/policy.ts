/** Permission strings of the enforcement domain (行政执法). */
export const enforcementPermissions = [
  { code: 'enforcement:body:list', name: '查看执法主体', group: '行政执法' },
  { code: 'enforcement:body:edit', name: '新增、修改执法主体', group: '行政执法' },
  { code: 'enforcement:officer:list', name: '查看执法人员', group: '行政执法' },
  { code: 'enforcement:officer:edit', name: '新增、修改执法人员和执法证', group: '行政执法' },
  { code: 'enforcement:power:list', name: '查看权责清单', group: '行政执法' },
  { code: 'enforcement:power:edit', name: '维护权责清单', group: '行政执法' },
  { code: 'enforcement:case:list', name: '查看执法案件', group: '行政执法' },
  { code: 'enforcement:case:edit', name: '办理执法案件', group: '行政执法' },
  { code: 'enforcement:case:review', name: '重大执法决定法制审核', group: '行政执法' },
  { code: 'enforcement:referral:list', name: '查看两法衔接(涉嫌犯罪案件移送)', group: '行政执法' },
  { code: 'enforcement:referral:edit', name: '办理两法衔接(涉嫌犯罪案件移送)', group: '行政执法' },
] as const;

export type EnforcementPermission = (typeof enforcementPermissions)[number]['code'];
