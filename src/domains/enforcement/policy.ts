import { permissionGroup } from '../permission-group.js';

/** Permission strings of the enforcement domain (行政执法). */
export const enforcementPermissions = permissionGroup('行政执法', {
  'enforcement:body:list': '查看执法主体',
  'enforcement:body:edit': '新增、修改执法主体',
  'enforcement:officer:list': '查看执法人员',
  'enforcement:officer:edit': '新增、修改执法人员和执法证',
  'enforcement:power:list': '查看权责清单',
  'enforcement:power:edit': '维护权责清单',
  'enforcement:case:list': '查看执法案件',
  'enforcement:case:edit': '办理执法案件',
  'enforcement:case:review': '重大执法决定法制审核',
  'enforcement:referral:list': '查看两法衔接(涉嫌犯罪案件移送)',
  'enforcement:referral:edit': '办理两法衔接(涉嫌犯罪案件移送)',
});

export type EnforcementPermission = (typeof enforcementPermissions)[number]['code'];
