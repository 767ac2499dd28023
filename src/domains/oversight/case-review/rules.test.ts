import { describe, expect, it } from 'vitest';
import { checkRubric, gradeOf, scoreTotal } from './rules.js';
import type { RubricItem } from './schema.js';

const items: RubricItem[] = [
  { key: 'subject', dimension: 'subject', title: '执法主体', maxScore: 20 },
  { key: 'procedure', dimension: 'procedure', title: '执法程序', maxScore: 40 },
  { key: 'law', dimension: 'law', title: '法律适用', maxScore: 40 },
];

describe('案卷评查 rubric rules', () => {
  it('takes a rubric worth 100 points with unique keys and ordered grade lines', () => {
    expect(() => checkRubric({ items, excellentFrom: 90, passFrom: 60 })).not.toThrow();
    expect(() => checkRubric({ items: items.slice(1), excellentFrom: 90, passFrom: 60 })).toThrow(
      '现为 80 分',
    );
    expect(() =>
      checkRubric({
        items: [...items.slice(0, 2), { ...items[0], maxScore: 40 } as RubricItem],
        excellentFrom: 90,
        passFrom: 60,
      }),
    ).toThrow('重复');
    expect(() => checkRubric({ items, excellentFrom: 60, passFrom: 60 })).toThrow(
      '合格分数线应低于优秀分数线',
    );
  });

  it.each([
    [{ subject: 20, procedure: 40, law: 40 }, 100, null],
    [{ subject: 0, procedure: 0, law: 0 }, 0, null],
    [{ subject: 21, procedure: 40, law: 40 }, null, 'scores.subject'],
    [{ subject: -1, procedure: 40, law: 40 }, null, 'scores.subject'],
    [{ subject: 20, procedure: 40 }, null, 'scores.law'],
    [{ subject: 20, procedure: 40, law: 40, extra: 1 }, null, 'scores.extra'],
  ] as const)('scores %o → total %s (error field %s)', (scores, total, field) => {
    if (total !== null) expect(scoreTotal(items, scores)).toBe(total);
    else {
      try {
        scoreTotal(items, scores);
        throw new Error('accepted');
      } catch (e) {
        expect((e as { details: { field: string } }).details.field).toBe(field);
      }
    }
  });

  it.each([
    [95, 'excellent'],
    [90, 'excellent'],
    [89, 'pass'],
    [60, 'pass'],
    [59, 'fail'],
  ] as const)('total %i grades %s', (total, grade) => {
    expect(gradeOf(total, { excellentFrom: 90, passFrom: 60 })).toBe(grade);
  });
});
