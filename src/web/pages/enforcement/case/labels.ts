/** Chinese labels the case forms show; the server's enforcement/cases/schema.ts holds the same lists. */

/** 行政处罚的种类 (行政处罚法 第九条) */
export const penaltyOptions = [
  ['warning', '警告'],
  ['circulate', '通报批评'],
  ['fine', '罚款'],
  ['confiscate', '没收违法所得、没收非法财物'],
  ['suspendLicense', '暂扣许可证件'],
  ['lowerQualification', '降低资质等级'],
  ['revokeLicense', '吊销许可证件'],
  ['restrictActivity', '限制开展生产经营活动'],
  ['suspendBusiness', '责令停产停业'],
  ['closeDown', '责令关闭'],
  ['restrictEmployment', '限制从业'],
  ['detention', '行政拘留'],
].map(([value, label]) => ({ value: value ?? '', label: label ?? '' }));

export const penaltyLabel = (kind: string) => penaltyOptions.find((o) => o.value === kind)?.label ?? kind;

/** Case categories by the 权责清单 (GLOSSARY: powerItem category). */
export const categoryOptions = [
  ['penalty', '行政处罚'],
  ['license', '行政许可'],
  ['coercion', '行政强制'],
  ['inspection', '行政检查'],
  ['levy', '行政征收'],
  ['benefit', '行政给付'],
  ['confirmation', '行政确认'],
  ['reward', '行政奖励'],
  ['adjudication', '行政裁决'],
  ['other', '其他行政权力'],
].map(([value, label]) => ({ value: value ?? '', label: label ?? '' }));

/** 行政强制法 第二十七条: what a 处理决定 does with seized property. */
export const disposalOptions = [
  { value: 'confiscate', label: '没收' },
  { value: 'destroy', label: '销毁' },
  { value: 'release', label: '解除查封、扣押' },
];

/** How a decision is undone (行政处罚法 第四十八条 / 行政复议法 第六十四条). */
export const revocationOptions = [
  { value: 'revoke', label: '撤销' },
  { value: 'illegal', label: '确认违法' },
  { value: 'void', label: '确认无效' },
];

export const recordKindLabels = { document: '文字记录', audioVideo: '音像记录' } as const;
