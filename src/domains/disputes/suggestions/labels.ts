/** The Chinese names of the 检察建议/司法建议 codes: no zod here, so the web imports them as values. */

/** 检察建议 (人民检察院检察建议工作规定 第五条) by the field, and the courts' 司法建议. */
export const suggestionKindLabels = {
  publicInterest: '行政公益诉讼诉前检察建议',
  administrativeViolation: '行政违法行为监督检察建议',
  nonLitigationEnforcement: '行政非诉执行监督检察建议',
  civilEnforcement: '民事执行活动监督检察建议',
  civilTrial: '民事审判监督检察建议',
  socialGovernance: '社会治理检察建议',
  judicial: '司法建议',
} as const;
