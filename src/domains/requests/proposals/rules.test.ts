import { describe, expect, it } from 'vitest';
import { actBuilder, ruleCtx } from '../core/test-fixtures.js';
import { checkProposalAction, projectProposal, type ProposalRecord, proposalAnswerDue } from './rules.js';

const act = actBuilder<ProposalRecord['action'], ProposalRecord['data']>({});
const assigned = [act('assign', '2025-03-20')];
/** Answered on 05-01 with `grade`, then the deputy's `satisfaction` on 05-10. */
const fedBack = (grade: 'A' | 'C', satisfaction: 'satisfied' | 'unsatisfied') => [
  ...assigned,
  act('answer', '2025-05-01', { grade, documentNo: 'x' }),
  act('feedback', '2025-05-10', { satisfaction }),
];

describe('建议提案 (RULES §2.13): 3 months, ≤ 6 with approval, re-handling', () => {
  it.each([
    ['plain', assigned, '2025-06-20'],
    [
      'extended 2 months',
      [...assigned, act('extend', '2025-05-01', { approverName: '张', months: 2, reason: '立项' })],
      '2025-08-20',
    ],
    ['end of month clamps (民法典 第二百零二条)', [act('assign', '2025-11-30')], '2026-02-28'],
    [
      're-handled after an unsatisfied deputy: 3 months from the re-handling',
      [...fedBack('C', 'unsatisfied'), act('rehandle', '2025-05-15')],
      '2025-08-15',
    ],
  ] as const)('%s', (_n, log, due) => {
    expect(proposalAnswerDue(log[0]?.date ?? '', [...log])).toBe(due);
  });

  it.each([
    [
      'an extension without approval',
      assigned,
      act('extend', '2025-05-01', { months: 1, reason: '复杂' }),
      '须经批准',
    ],
    [
      'an extension past 6 months in all',
      [...assigned, act('extend', '2025-05-01', { approverName: '张', months: 2, reason: 'a' })],
      act('extend', '2025-07-01', { approverName: '张', months: 2, reason: 'b' }),
      '最长不得超过 6 个月',
    ],
    [
      'a return after the local limit',
      assigned,
      act('return', '2025-04-05', { reason: '非本单位职责' }),
      '10 日内退回',
    ],
    ['an answer without its grade', assigned, act('answer', '2025-05-01', { documentNo: 'x' }), 'A/B/C/D'],
    [
      're-handling when the deputy was satisfied',
      fedBack('A', 'satisfied'),
      act('rehandle', '2025-05-15'),
      '不满意',
    ],
  ] as const)('refuses %s', (_n, log, next, message) => {
    expect(() => checkProposalAction('2025-03-20', [...log], next, ruleCtx)).toThrow(message);
  });

  it('a return within the limit ends the item without a due date; there is no forward act', () => {
    const log = [...assigned, act('return', '2025-03-28', { reason: '非本单位职责' })];
    expect(() =>
      checkProposalAction('2025-03-20', assigned, log[1] as ProposalRecord, ruleCtx),
    ).not.toThrow();
    expect(projectProposal('2025-03-20', log, ruleCtx)).toMatchObject({
      status: 'returned',
      outcome: 'returned',
      dueOn: null,
    });
  });
});
