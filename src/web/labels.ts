import type { DataScope } from './api/types.js';
import type { orgKindLabels as serverOrgKindLabels } from '../domains/org/schema.js';
import { optionsOf } from './components/options.js';

/**
 * Chinese labels for the select boxes. The server owns these (src/domains/org/schema.ts); they are
 * repeated here so the browser bundle does not pull in zod and the server code, and checked against
 * the server's, imported type-only: a copy that drifts fails the type check.
 */
export const orgKindLabels: Record<string, string> = {
  government: '人民政府',
  department: '政府工作部门',
  township: '乡镇',
  subdistrict: '街道',
  agency: '执法机构',
  justiceOffice: '司法所',
  party: '党委部门',
  court: '人民法院',
  procuratorate: '人民检察院',
  other: '其他',
} satisfies typeof serverOrgKindLabels;

export const orgKindOptions = optionsOf(orgKindLabels);

/** keyed by the server's DataScope; 自定义 is worded shorter than the server's 自定义机构 */
export const dataScopeLabels: Record<DataScope, string> = {
  all: '全部数据',
  custom: '自定义',
  org: '本机构',
  orgAndBelow: '本机构及以下',
  self: '仅本人',
};

export const dataScopeOptions = (Object.keys(dataScopeLabels) as DataScope[]).map((value) => ({
  value,
  label: dataScopeLabels[value],
}));

export const activeOptions = [
  { value: 'true', label: '启用' },
  { value: 'false', label: '停用' },
];
