/**
 * The org kinds and data scopes with their Chinese names, in a module without zod: the schemas
 * build their enums from them and the screens import them as they are (no copy to drift).
 */

export const orgKindLabels = {
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
} as const;

export const dataScopeLabels = {
  all: '全部数据',
  custom: '自定义机构',
  org: '本机构',
  orgAndBelow: '本机构及以下',
  self: '仅本人',
} as const;
