/**
 * The oversight ledgers' codes and their Chinese names, in a module without zod: the schemas build
 * their enums from them and the screens import them as they are (no copy to drift).
 */

/** Where a rectification item comes from: one 整改 ledger for all of them. */
export const rectificationSourceLabels = {
  inspection: '法治督察',
  caseReview: '案卷评查',
  opinion: '执法监督意见书/建议书',
  clue: '问题线索',
} as const;
export const rectificationStatusLabels = {
  open: '待整改',
  rectifying: '整改中',
  reported: '已报整改完成',
  closed: '已销号',
} as const;
export const rectificationActionLabels = {
  raise: '交办',
  plan: '制定整改措施',
  progress: '报送整改进展',
  complete: '报整改完成',
  return: '退回重新整改',
  extend: '延长整改期限',
  close: '销号',
} as const;

export const clueRuleLabels = {
  overdueCase: '案件超期',
  unreviewedMajorDecision: '重大决定未经法制审核',
  fineOutsideDiscretion: '罚款超出裁量基准',
  missingRecords: '缺少全过程记录',
  uncertifiedHandler: '执法人员无有效执法证',
  overduePublication: '执法决定未按期公示',
} as const;
export const clueStatusLabels = {
  new: '待交办',
  assigned: '已交办',
  answered: '已答复',
  closed: '已办结',
} as const;

/** The dimensions a 评查 rubric scores (主体 / 程序 / 事实证据 / 法律适用 / 文书 / 全过程记录 …). */
export const rubricDimensionLabels = {
  subject: '执法主体',
  procedure: '执法程序',
  evidence: '事实证据',
  law: '法律适用',
  documents: '执法文书',
  records: '全过程记录',
  other: '其他',
} as const;
export const gradeLabels = { excellent: '优秀', pass: '合格', fail: '不合格' } as const;

/** How a leaf indicator gets its value: filed by the unit (with 佐证), or computed from records. */
export const indicatorMethodLabels = { filed: '单位填报', metric: '系统取数' } as const;
/**
 * How a leaf is scored: a reviewer's judgement within its points (review); full points when the
 * value reaches the target (atLeast) or stays at or under it (atMost); points in proportion to
 * the value over the target (proportional).
 */
export const scoringRuleLabels = {
  review: '审核赋分',
  atLeast: '达到目标值得满分',
  proportional: '按完成比例得分',
  atMost: '不超过目标值得满分',
} as const;
/** A unit's place in an assessment round (its type is assessment/rules.ts `UnitStatus`). */
export const unitStatusLabels = {
  filling: '待填报',
  submitted: '待赋分',
  scored: '已赋分',
  published: '已发布',
} as const;
