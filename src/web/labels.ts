import type { DataScope } from './api/types.js';

/**
 * Chinese labels for the select boxes. The server owns these too (src/domains/org/schema.ts);
 * they are repeated here so the browser bundle does not pull in zod and the server code.
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
};

export const orgKindOptions = Object.entries(orgKindLabels).map(([value, label]) => ({ value, label }));

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
