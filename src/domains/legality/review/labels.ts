/** The Chinese names of the 合法性审查 codes: no zod here, so the web imports them as values. */

/** What the desk reviews (RULES §2.6–2.7; 重大执法决定法制审核 is shown beside them from enforcement). */
export const reviewKindLabels = {
  normativeDocument: '规范性文件',
  majorDecision: '重大行政决策',
  contract: '行政合同/重大合同',
  agendaItem: '政府会议议题',
  powersList: '权责清单调整',
  otherDocument: '其他文件',
  /** 行政复议法 第十三条、第五十六条: a 规范性文件 referred by a 复议 for review */
  incidentalReview: '规范性文件附带审查',
} as const;

export const reviewStatusLabels = {
  reviewing: '审查中',
  awaitingMaterials: '待补充材料',
  concluded: '已出具意见',
  answered: '已反馈采纳情况',
  withdrawn: '已撤回',
} as const;

export const reviewActionLabels = {
  submit: '报送审查',
  requestMaterials: '通知补充材料',
  receiveMaterials: '收到补充材料',
  extend: '延长审查期限',
  conclude: '出具审查意见',
  answer: '反馈意见采纳情况',
  withdraw: '撤回',
} as const;

export const conclusionLabels = {
  lawful: '合法',
  lawfulAfterRevision: '修改后合法',
  unlawful: '不合法',
} as const;

export const adoptionLabels = {
  adopted: '采纳',
  partlyAdopted: '部分采纳',
  notAdopted: '不采纳',
} as const;

export const reviewerKindLabels = {
  staff: '审查人员',
  adviser: '法律顾问',
  governmentLawyer: '公职律师',
} as const;
