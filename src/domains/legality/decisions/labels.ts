/** The Chinese names of the 重大行政决策 codes: no zod here, so the web imports them as values. */

/** 重大行政决策程序暂行条例 第三条: what a major decision is about. */
export const decisionCategoryLabels = {
  publicPolicy: '重大公共政策和措施',
  plan: '经济社会发展规划',
  resources: '开发利用保护重要自然资源和文化资源',
  publicWorks: '重大公共建设项目',
  other: '其他重大事项',
} as const;

export const catalogueStatusLabels = {
  drafted: '拟定中',
  agreed: '党委已同意',
  published: '已公布',
} as const;

export const catalogueActionLabels = {
  draft: '拟定目录',
  agree: '报同级党委同意',
  publish: '向社会公布',
  adjust: '调整目录',
} as const;

export const decisionStatusLabels = {
  preparing: '履行决策程序中',
  decided: '已决定',
  published: '已公布',
  rejected: '未通过',
  withdrawn: '已调出目录',
} as const;

/** The five statutory procedures (第二章 第三节至第七节 … 第十四条至第三十一条). */
export const procedureLabels = {
  publicComment: '公众参与',
  expertReview: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  discussion: '集体讨论决定',
} as const;

export const decisionActionLabels = {
  list: '列入目录',
  publicComment: '公开征求意见',
  hearing: '举行听证',
  expertReview: '专家论证',
  riskAssessment: '风险评估',
  waive: '说明不适用的程序',
  submitReview: '报送合法性审查',
  discuss: '集体讨论决定',
  publish: '公布决策',
  archive: '立卷归档',
  execute: '组织执行',
  evaluate: '决策后评估',
  withdraw: '调出目录',
} as const;

export const riskLevelLabels = { low: '低风险', medium: '中风险', high: '高风险' } as const;

export const discussionResultLabels = {
  approved: '同意',
  deferred: '暂缓决定',
  rejected: '不同意',
} as const;

export const evaluationTriggerLabels = {
  planned: '按计划评估',
  resultsFailed: '未达到预期效果',
  manyObjections: '公民、法人或者其他组织提出较多意见',
  necessary: '决策机关认为有必要',
} as const;

export const evaluationOutcomeLabels = {
  continue: '继续执行',
  adjust: '调整决策',
  suspend: '暂缓执行',
  stop: '停止执行',
} as const;
