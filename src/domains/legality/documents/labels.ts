/** The Chinese names of the 规范性文件 codes: no zod here, so the web imports them as values. */

export const documentStatusLabels = {
  drafting: '起草中',
  consulting: '公开征求意见',
  reviewing: '合法性审核',
  deliberated: '已集体审议',
  published: '已公布',
  repealed: '已废止',
  invalidated: '已宣布失效',
} as const;

export const documentActionLabels = {
  draft: '起草',
  revise: '修改文本',
  openComment: '公开征求意见',
  fairCompetition: '公平竞争审查',
  submitReview: '报送合法性审核',
  deliberate: '集体审议',
  publish: '统一编号并公布',
  file: '报送备案',
  filingOutcome: '备案审查结果',
  cleanup: '清理',
} as const;

export const filingOutcomeLabels = { accepted: '予以备案', corrected: '纠正', revoked: '撤销' } as const;

export const cleanupOutcomeLabels = {
  keep: '保留',
  amend: '修改',
  repeal: '废止',
  declareInvalid: '宣布失效',
} as const;
