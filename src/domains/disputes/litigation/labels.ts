/** The Chinese names of the 行政应诉 codes: no zod here, so the web imports them as values. */

export const instanceLabels = { first: '一审', second: '二审', retrial: '再审' } as const;

/** How an instance ended (行政诉讼法 第六十九条至第七十八条; 撤诉 第六十二条; 调解 第六十条). */
export const lawsuitOutcomeLabels = {
  dismissClaim: '判决驳回诉讼请求',
  revoke: '判决撤销',
  confirmUnlawful: '判决确认违法',
  confirmInvalid: '判决确认无效',
  performance: '判决履行',
  change: '判决变更',
  compensation: '判决赔偿',
  dismissSuit: '裁定驳回起诉',
  withdrawn: '撤诉',
  mediation: '调解',
} as const;

/** Who appeared for the defendant. The 2020 最高法 规定 第二条 decides who is a 负责人. */
export const appearerRoleLabels = {
  principal: '正职负责人',
  deputy: '副职负责人',
  deputyInCharge: '参与分管被诉行为的副职级负责人',
  otherInCharge: '其他参与分管的负责人',
  staff: '工作人员',
  entrustedHead: '受委托组织的负责人',
  subordinateHead: '下级行政机关的负责人',
} as const;

/** 出庭应诉规定 第八条: the grounds on which a 负责人 cannot appear. */
export const excuseGroundLabels = {
  forceMajeure: '不可抗力',
  accident: '意外事件',
  irreplaceableDuty: '需要履行他人不能代替的公务',
  other: '其他正当事由',
} as const;
