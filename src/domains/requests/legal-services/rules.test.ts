import { describe, expect, it } from 'vitest';
import { actBuilder, ruleCtx } from '../core/test-fixtures.js';
import {
  checkLegalAidAction,
  deriveLegalAidStatus,
  type LegalAidRecord,
  legalAidDues,
  projectLegalAid,
} from './rules.js';

const act = actBuilder<LegalAidRecord['action'], LegalAidRecord['data']>({});

describe('法律援助法: decision in 7 days, assignment in 3 (第三十六、四十三条)', () => {
  it.each([
    ['application: decision due', 'application', [act('apply', '2025-03-03')], 'decision', '2025-03-10'],
    [
      'application: assignment due 3 days after approval',
      'application',
      [act('apply', '2025-03-03'), act('approve', '2025-03-06')],
      'assign',
      '2025-03-09',
    ],
    [
      'notice: assignment due 3 days after the notice',
      'notice',
      [act('apply', '2025-03-03')],
      'assign',
      '2025-03-06',
    ],
  ] as const)('%s', (_n, channel, log, kind, due) => {
    expect(legalAidDues('2025-03-03', channel, [...log], ruleCtx).find((d) => d.kind === kind)?.dueOn).toBe(
      due,
    );
  });

  it('a notified case opens approved; a refusal needs its reason; late assignment is not on time', () => {
    expect(deriveLegalAidStatus([act('apply', '2025-03-03')], 'notice')).toBe('approved');
    expect(() =>
      checkLegalAidAction('application', [act('apply', '2025-03-03')], act('refuse', '2025-03-05'), ruleCtx),
    ).toThrow('理由');
    const log = [
      act('apply', '2025-03-03'),
      act('approve', '2025-03-05'),
      act('assign', '2025-03-12', { lawyerName: '李律', lawFirm: '某所' }),
    ];
    expect(projectLegalAid('2025-03-03', 'application', log, ruleCtx)).toMatchObject({
      status: 'assigned',
      onTime: false,
    });
  });
});
