/**
 * The Chinese names of a case's codes. No imports: the web app takes its select options from here
 * without pulling zod and the server code into the browser bundle (schema.ts builds the enums).
 */

/** 行政处罚的种类 (行政处罚法 第九条). */
export const penaltyKindLabels = {
  warning: '警告',
  circulate: '通报批评',
  fine: '罚款',
  confiscate: '没收违法所得、没收非法财物',
  suspendLicense: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokeLicense: '吊销许可证件',
  restrictActivity: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  closeDown: '责令关闭',
  restrictEmployment: '限制从业',
  detention: '行政拘留',
} as const;

export const caseStatusLabels = {
  investigating: '调查取证',
  notified: '已告知',
  hearingRequested: '待听证',
  heard: '已听证',
  reviewing: '法制审核中',
  reviewPassed: '审核通过待决定',
  decided: '已决定待送达',
  served: '已送达待执行',
  executed: '已执行待结案',
  closed: '已结案',
  applied: '已申请待受理',
  correcting: '待申请人补正',
  examining: '审查中',
  seized: '已查封扣押',
  revoked: '决定已撤销',
} as const;

/** 行政强制法 第二十七条: what a 处理决定 does with seized property. */
export const disposalLabels = {
  confiscate: '没收',
  destroy: '销毁',
  release: '解除查封、扣押',
} as const;

/** 行政处罚法 第四十八条 / 行政复议法 第六十四条: how a decision was undone. */
export const revocationLabels = {
  revoke: '撤销',
  illegal: '确认违法',
  void: '确认无效',
} as const;
