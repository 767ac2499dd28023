import { permissionGroup } from '../permission-group.js';

/** Permission strings of the powers domain (清单管理). */
export const powersPermissions = permissionGroup('清单管理', {
  'powers:license:list': '查看行政许可事项清单',
  'powers:license:edit': '维护行政许可事项清单',
  'powers:matter:list': '查看执法事项',
  'powers:matter:edit': '维护执法事项',
  'powers:leniency:list': '查看包容审慎“四张清单”',
  'powers:leniency:edit': '维护包容审慎“四张清单”',
  'powers:discretion:list': '查看裁量权基准',
  'powers:discretion:edit': '维护裁量权基准',
});

export type PowersPermission = (typeof powersPermissions)[number]['code'];

/** What the demo roles that read / maintain the 权责清单 get here (src/domains/org/demo-county.ts). */
export const powersReadPermissions = powersPermissions
  .filter((p) => p.code.endsWith(':list'))
  .map((p) => p.code);
export const powersEditPermissions = powersPermissions
  .filter((p) => p.code.endsWith(':edit'))
  .map((p) => p.code);
