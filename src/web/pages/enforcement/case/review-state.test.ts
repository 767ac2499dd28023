import { describe, expect, it } from 'vitest';
import { reviewState } from './review-state.js';

const STATUSES = ['investigating', 'reviewing', 'decided', 'closed'] as const;

describe('法制审核 panel wording', () => {
  it('never says 无须法制审核 of a case under review, major or not', () => {
    for (const majorReasons of [[], ['涉及重大公共利益']])
      for (const reviewed of [false, true]) {
        const said = reviewState({ majorReasons, reviewed, status: 'reviewing' });
        expect(said, `${majorReasons.length} reasons, reviewed ${reviewed}`).not.toContain('无须');
      }
    expect(reviewState({ majorReasons: [], reviewed: false, status: 'reviewing' })).toBe(
      '已提请法制审核,等待法制审核人员审核',
    );
  });

  it('says 无须法制审核 only of a case nobody submitted and nothing makes major', () => {
    for (const status of STATUSES)
      for (const majorReasons of [[], ['案情复杂']])
        for (const reviewed of [false, true]) {
          const said = reviewState({ majorReasons, reviewed, status });
          expect(said.includes('无须'), `${status} ${majorReasons.length} ${reviewed}`).toBe(
            status !== 'reviewing' && majorReasons.length === 0 && !reviewed,
          );
        }
  });
});
