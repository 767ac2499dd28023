/** Permission strings of the powers domain (清单管理). */
export const powersPermissions = [
  { code: 'powers:license:list', name: '查看行政许可事项清单', group: '清单管理' },
  { code: 'powers:license:edit', name: '维护行政许可事项清单', group: '清单管理' },
  { code: 'powers:matter:list', name: '查看执法事项', group: '清单管理' },
  { code: 'powers:matter:edit', name: '维护执法事项', group: '清单管理' },
  { code: 'powers:leniency:list', name: '查看包容审慎“四张清单”', group: '清单管理' },
  { code: 'powers:leniency:edit', name: '维护包容审慎“四张清单”', group: '清单管理' },
  { code: 'powers:discretion:list', name: '查看裁量权基准', group: '清单管理' },
  { code: 'powers:discretion:edit', name: '维护裁量权基准', group: '清单管理' },
] as const;

export type PowersPermission = (typeof powersPermissions)[number]['code'];

/** What the demo roles that read / maintain the 权责清单 get here (src/domains/org/demo-county.ts). */
export const powersReadPermissions = powersPermissions
  .filter((p) => p.code.endsWith(':list'))
  .map((p) => p.code);
export const powersEditPermissions = powersPermissions
  .filter((p) => p.code.endsWith(':edit'))
  .map((p) => p.code);
