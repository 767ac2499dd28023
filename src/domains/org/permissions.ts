/** Permission strings of this domain (RuoYi style `module:entity:verb`). */
export const orgPermissions = [
  { code: 'system:org:list', name: '查看机构', group: '系统管理' },
  { code: 'system:org:edit', name: '新增、修改机构', group: '系统管理' },
  { code: 'system:user:list', name: '查看用户', group: '系统管理' },
  { code: 'system:user:edit', name: '新增、修改用户,重置密码', group: '系统管理' },
  { code: 'system:role:list', name: '查看角色', group: '系统管理' },
  { code: 'system:role:edit', name: '新增、修改角色', group: '系统管理' },
  { code: 'system:audit:list', name: '查看操作日志', group: '系统管理' },
  { code: 'system:calendar:edit', name: '维护节假日安排', group: '系统管理' },
  { code: 'system:token:edit', name: '管理接口令牌', group: '系统管理' },
  { code: 'system:site:edit', name: '维护公开网站设置(主办单位、网站标识码、备案号)', group: '系统管理' },
] as const;

export type OrgPermission = (typeof orgPermissions)[number]['code'];
