import { describe, expect, it } from 'vitest';
import { riskGradeLabels as exported } from '../../../domains/inspection/routes-export.js';
import { RISK_GRADES, riskGradeLabels } from './types.js';

/**
 * Issue #11 finding 4: the grades A–D were shown bare and read the wrong way round against
 * 市场监管's 企业信用风险分类, where A is the lowest risk. Screen and Excel say the same.
 */
describe('信用风险分类 labels', () => {
  it('name each grade with its risk, A the lowest and D the highest, as the export prints them', () => {
    expect(RISK_GRADES.map((g) => riskGradeLabels[g])).toEqual([
      'A类(低风险)',
      'B类(一般风险)',
      'C类(较高风险)',
      'D类(高风险)',
    ]);
    expect(riskGradeLabels).toEqual(exported);
  });
});
