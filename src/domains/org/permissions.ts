import { permissionGroup } from '../permission-group.js';

/** Permission strings of this domain (RuoYi style `module:entity:verb`). */
export const orgPermissions = permissionGroup('系统管理', {
  'system:org:list': '查看机构',
  'system:org:edit': '新增、修改机构',
  'system:user:list': '查看用户',
  'system:user:edit': '新增、修改用户,重置密码',
  'system:role:list': '查看角色',
  'system:role:edit': '新增、修改角色',
  'system:audit:list': '查看操作日志',
  'system:calendar:edit': '维护节假日安排',
  'system:token:edit': '管理接口令牌',
  'system:site:edit': '维护公开网站设置(主办单位、网站标识码、备案号)',
});

export type OrgPermission = (typeof orgPermissions)[number]['code'];
