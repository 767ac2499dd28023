/** The demo's first rubric edition (处罚案卷, 100 points over the six dimensions the seeds review). */
export const RUBRIC = {
  name: '行政处罚案卷评查标准',
  items: [
    { key: 'subject', dimension: 'subject', title: '执法主体合法、执法人员持证', maxScore: 10 },
    { key: 'procedure', dimension: 'procedure', title: '立案、调查、告知、听证、审核程序完整', maxScore: 25 },
    { key: 'evidence', dimension: 'evidence', title: '事实清楚、证据确凿', maxScore: 25 },
    { key: 'law', dimension: 'law', title: '适用法律正确、裁量适当', maxScore: 20 },
    { key: 'documents', dimension: 'documents', title: '文书规范、送达合法', maxScore: 10 },
    { key: 'records', dimension: 'records', title: '全过程记录完整', maxScore: 10 },
  ],
  excellentFrom: 90,
  passFrom: 60,
} as const;
