export const rectificationStatusLabels: Record<string, string> = {
  open: '待整改',
  rectifying: '整改中',
  reported: '已报整改完成',
  closed: '已销号',
};
export const rectificationSourceLabels: Record<string, string> = {
  inspection: '法治督察',
  caseReview: '案卷评查',
  opinion: '执法监督意见书/建议书',
  clue: '问题线索',
};
export const rectificationActionLabels: Record<string, string> = {
  raise: '交办',
  plan: '制定整改措施',
  progress: '报送整改进展',
  complete: '报整改完成',
  return: '退回重新整改',
  extend: '延长整改期限',
  close: '销号',
};
export const clueStatusLabels: Record<string, string> = {
  new: '待交办',
  assigned: '已交办',
  answered: '已答复',
  closed: '已办结',
};
export const clueRuleLabels: Record<string, string> = {
  overdueCase: '案件超期',
  unreviewedMajorDecision: '重大决定未经法制审核',
  fineOutsideDiscretion: '罚款超出裁量基准',
  missingRecords: '缺少全过程记录',
  uncertifiedHandler: '执法人员无有效执法证',
  overduePublication: '执法决定未按期公示',
};
export const gradeLabels: Record<string, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };
export const dimensionLabels: Record<string, string> = {
  subject: '执法主体',
  procedure: '执法程序',
  evidence: '事实证据',
  law: '法律适用',
  documents: '执法文书',
  records: '全过程记录',
  other: '其他',
};
