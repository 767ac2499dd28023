/** Chinese labels of the lists' enums (the server's schema.ts labels, for forms and filters). */
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export const approvalLevelOptions = opts({
  national: '国家级',
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡级',
});
export const matterLevelOptions = opts({
  province: '省级',
  prefecture: '州(市)级',
  county: '县级',
  township: '乡镇(街道)',
});
export const leniencyKindOptions = opts({
  noPenalty: '不予处罚',
  lighterPenalty: '从轻处罚',
  reducedPenalty: '减轻处罚',
  noCoercion: '免予行政强制',
});
export const circumstanceOptions = opts({ minor: '轻微', general: '一般', serious: '较重', grave: '严重' });
export const statusOptions = opts({ active: '有效', repealed: '已取消' });
export const fineUnitOptions = opts({ yuan: '元', multiple: '倍(违法所得、货值金额等)' });

/** '' → undefined, for optional text fields. */
export const orUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
