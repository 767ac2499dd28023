import { invalid } from '../../../platform/errors.js';
import type { Grade, RubricItem } from './schema.js';

/**
 * A rubric edition's items are worth 100 points together, keys unique, and the grade lines
 * ordered (优秀 above 合格), so that a total reads the same way in every campaign.
 */
export function checkRubric(r: {
  items: readonly RubricItem[];
  excellentFrom: number;
  passFrom: number;
}): void {
  const seen = new Set<string>();
  r.items.forEach((it, i) => {
    if (seen.has(it.key))
      throw invalid('oversight.rubricDuplicateKey', `评查项代码“${it.key}”重复`, `items.${i}.key`);
    seen.add(it.key);
  });
  const sum = r.items.reduce((a, it) => a + it.maxScore, 0);
  if (sum !== 100)
    throw invalid('oversight.rubricWeights', `各评查项分值合计应为 100 分,现为 ${sum} 分`, 'items');
  if (r.passFrom >= r.excellentFrom)
    throw invalid('oversight.gradeOrder', '合格分数线应低于优秀分数线', 'passFrom');
}

/** Every item scored, each within 0…its maximum, no key outside the rubric; returns the total. */
export function scoreTotal(items: readonly RubricItem[], scores: Readonly<Record<string, number>>): number {
  for (const key of Object.keys(scores)) {
    if (!items.some((it) => it.key === key))
      throw invalid('oversight.unknownRubricItem', '评分含有评查表中没有的评查项', `scores.${key}`);
  }
  let total = 0;
  for (const it of items) {
    const s = scores[it.key];
    if (s === undefined) throw invalid('oversight.scoreMissing', `请为“${it.title}”打分`, `scores.${it.key}`);
    if (!Number.isInteger(s) || s < 0 || s > it.maxScore)
      throw invalid(
        'oversight.scoreRange',
        `“${it.title}”的得分应在 0 到 ${it.maxScore} 分之间`,
        `scores.${it.key}`,
      );
    total += s;
  }
  return total;
}

/** 优秀 / 合格 / 不合格 by the edition's lines. */
export function gradeOf(total: number, lines: { excellentFrom: number; passFrom: number }): Grade {
  if (total >= lines.excellentFrom) return 'excellent';
  if (total >= lines.passFrom) return 'pass';
  return 'fail';
}
