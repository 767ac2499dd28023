import { z } from 'zod';
import { Int32, labelledEnum, Text, Id } from '../../platform/validation.js';
import { dataScopeLabels, orgKindLabels } from './labels.js';

export { dataScopeLabels, orgKindLabels };

export const OrgKind = labelledEnum(orgKindLabels);
export type OrgKind = z.infer<typeof OrgKind>;

export const DataScope = labelledEnum(dataScopeLabels);
export type DataScope = z.infer<typeof DataScope>;

/** 文书编号前缀 (e.g. the part before 罚〔2026〕12号): set per org, since it differs between counties. */
const DocPrefix = Text(20)
  .min(1, '不能为空')
  .regex(/^[\u4e00-\u9fa5A-Za-z0-9]+$/, '只能包含汉字、字母和数字');

const name = Text(100).min(1, '不能为空');

export const CreateOrgInput = z.strictObject({
  parentId: Id,
  name,
  shortName: Text(40).optional(),
  docPrefix: DocPrefix.optional(),
  kind: OrgKind,
  uscc: Text(40).toUpperCase().optional(),
  regionCode: z
    .string()
    .regex(/^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/, '行政区划代码应为 6、9 或 12 位数字')
    .optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.strictObject({
  version: Int32.min(1),
  name: name.optional(),
  shortName: Text(40).nullable().optional(),
  docPrefix: DocPrefix.nullable().optional(),
  kind: OrgKind.optional(),
  uscc: Text(40).toUpperCase().nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{2,40}$/, '用户名只能用 2–40 位小写字母、数字、下划线、点或连字符');

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/, '电话号码格式不正确');

export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: name,
  orgId: Id,
  roleIds: z.array(Id).max(20),
  phone: phone.optional(),
  password: z.string().min(1).max(128),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  version: Int32.min(1),
  displayName: name.optional(),
  orgId: Id.optional(),
  roleIds: z.array(Id).max(20).optional(),
  phone: phone.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const Permission = z.string().regex(/^(\*|[a-z]+(:[a-zA-Z]+)+)$/, '权限标识格式不正确');

export const CreateRoleInput = z.strictObject({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{1,40}$/, '角色代码只能用字母开头的字母、数字、下划线'),
  name,
  permissions: z.array(Permission).max(500),
  dataScope: DataScope,
  customOrgIds: z.array(Id).max(1000).default([]),
});
export type CreateRoleInput = z.infer<typeof CreateRoleInput>;

export const UpdateRoleInput = z.strictObject({
  version: Int32.min(1),
  name: name.optional(),
  permissions: z.array(Permission).max(500).optional(),
  dataScope: DataScope.optional(),
  customOrgIds: z.array(Id).max(1000).optional(),
});
export type UpdateRoleInput = z.infer<typeof UpdateRoleInput>;

export interface Org {
  id: string;
  regionCode: string;
  regionName: string | null;
  parentId: string | null;
  parentName: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  /** 文书编号前缀 */
  docPrefix: string | null;
  kind: OrgKind;
  kindLabel: string;
  uscc: string | null;
  sort: number;
  active: boolean;
  version: number;
  updatedAt: Date;
}
