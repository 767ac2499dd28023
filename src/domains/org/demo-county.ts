/**
 * The demo county: 开远市 (GB/T 2260 code 532502), a county-level city of 红河哈尼族彝族自治州,
 * 云南省 — the county of seed report 003, with its seven townships and subdistricts. The county,
 * prefecture and province codes are GB/T 2260; the 9-digit township codes follow the 统计用区划代码
 * pattern (street 0xx, town 1xx, township 2xx) but are illustrative, not checked against the list.
 */
export const demoRegions = [
  { code: '530000', name: '云南省', level: 1, parent: null },
  { code: '532500', name: '红河哈尼族彝族自治州', level: 2, parent: '530000' },
  { code: '532502', name: '开远市', level: 3, parent: '532500' },
  { code: '532502001', name: '灵泉街道', level: 4, parent: '532502' },
  { code: '532502002', name: '乐白道街道', level: 4, parent: '532502' },
  { code: '532502003', name: '小龙潭街道', level: 4, parent: '532502' },
  { code: '532502100', name: '中和营镇', level: 4, parent: '532502' },
  { code: '532502101', name: '大庄回族乡', level: 4, parent: '532502' },
  { code: '532502200', name: '羊街乡', level: 4, parent: '532502' },
  { code: '532502201', name: '碑格乡', level: 4, parent: '532502' },
] as const;

export const COUNTY_CODE = '532502';
export const COUNTY_GOVERNMENT = '开远市人民政府';

/** ~30 departments of a county government; `enforces` marks those holding enforcement power. */
export const demoDepartments = [
  { name: '开远市人民政府办公室', short: '市政府办', enforces: false },
  { name: '开远市发展和改革局', short: '发改局', enforces: true },
  { name: '开远市教育体育局', short: '教体局', enforces: true },
  { name: '开远市工业商务和信息化局', short: '工商信局', enforces: true },
  { name: '开远市公安局', short: '公安局', enforces: true },
  { name: '开远市民政局', short: '民政局', enforces: true },
  { name: '开远市司法局', short: '司法局', enforces: true },
  { name: '开远市财政局', short: '财政局', enforces: true },
  { name: '开远市人力资源和社会保障局', short: '人社局', enforces: true },
  { name: '开远市自然资源局', short: '自然资源局', enforces: true },
  { name: '红河州生态环境局开远分局', short: '生态环境分局', enforces: true },
  { name: '开远市住房和城乡建设局', short: '住建局', enforces: true },
  { name: '开远市交通运输局', short: '交通运输局', enforces: true },
  { name: '开远市水务局', short: '水务局', enforces: true },
  { name: '开远市农业农村和科学技术局', short: '农业农村科技局', enforces: true },
  { name: '开远市文化和旅游局', short: '文旅局', enforces: true },
  { name: '开远市卫生健康局', short: '卫健局', enforces: true },
  { name: '开远市退役军人事务局', short: '退役军人局', enforces: false },
  { name: '开远市应急管理局', short: '应急局', enforces: true },
  { name: '开远市审计局', short: '审计局', enforces: true },
  { name: '开远市市场监督管理局', short: '市场监管局', enforces: true },
  { name: '开远市统计局', short: '统计局', enforces: true },
  { name: '开远市医疗保障局', short: '医保局', enforces: true },
  { name: '开远市林业和草原局', short: '林草局', enforces: true },
  { name: '开远市信访局', short: '信访局', enforces: false },
  { name: '开远市综合行政执法局', short: '综合执法局', enforces: true },
  { name: '开远市政务服务管理局', short: '政务服务局', enforces: false },
  { name: '开远市民族宗教事务局', short: '民宗局', enforces: true },
  { name: '开远市档案局', short: '档案局', enforces: true },
  { name: '开远市消防救援大队', short: '消防大队', enforces: true },
  { name: '开远市烟草专卖局', short: '烟草专卖局', enforces: true },
] as const;

/** Builtin roles (RuoYi's data scopes) and one demo user per role. */
export const demoRoles = [
  { code: 'admin', name: '系统管理员', dataScope: 'all', permissions: ['*'] },
  {
    code: 'supervisor',
    name: '依法治市办(司法局)',
    dataScope: 'all',
    permissions: ['system:org:list', 'system:user:list', 'system:audit:list', 'system:role:list', 'enforcement:body:list', 'enforcement:officer:list', 'enforcement:power:list', 'enforcement:case:list', 'enforcement:body:edit', 'enforcement:officer:edit', 'enforcement:power:edit'],
  },
  { code: 'leader', name: '领导(驾驶舱)', dataScope: 'all', permissions: ['system:org:list', 'enforcement:body:list', 'enforcement:officer:list', 'enforcement:power:list', 'enforcement:case:list'] },
  { code: 'handler', name: '承办人员(部门)', dataScope: 'orgAndBelow', permissions: ['system:org:list', 'enforcement:body:list', 'enforcement:officer:list', 'enforcement:power:list', 'enforcement:case:list', 'enforcement:case:edit'] },
  { code: 'reviewer', name: '法制审核人员', dataScope: 'orgAndBelow', permissions: ['system:org:list', 'enforcement:body:list', 'enforcement:officer:list', 'enforcement:power:list', 'enforcement:case:list', 'enforcement:case:review'] },
  { code: 'township', name: '乡镇(街道)工作人员', dataScope: 'orgAndBelow', permissions: ['system:org:list', 'enforcement:body:list', 'enforcement:officer:list', 'enforcement:power:list', 'enforcement:case:list', 'enforcement:case:edit'] },
  { code: 'clerk', name: '录入员(仅本人)', dataScope: 'self', permissions: [] },
] as const;
