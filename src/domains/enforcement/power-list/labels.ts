/**
 * 权责清单事项类别 (GLOSSARY powerItem.category). No imports: the web app reads them without pulling
 * zod into the browser bundle (schema.ts builds the enum).
 */
export const powerCategoryLabels = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other: '其他行政权力',
} as const;
