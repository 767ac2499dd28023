import { describe, expect, it } from 'vitest';
import { actBuilder, ruleCtx } from '../core/test-fixtures.js';
import {
  checkCommittee,
  checkCommitteeServing,
  checkConsent,
  checkMediationAction,
  confirmationWindowEnd,
  deriveMediationStatus,
  type MediationRecord,
  projectMediation,
} from './rules.js';
import type { CommitteeMember } from './schema.js';

const m = (
  name: string,
  gender: 'male' | 'female',
  role: CommitteeMember['role'] = 'member',
  minority = false,
): CommitteeMember => ({ name, gender, role, minority });
const act = actBuilder<MediationRecord['action'], MediationRecord['data']>({});

describe('人民调解法 第八、九条: the committee', () => {
  const three = [m('甲', 'male', 'chair'), m('乙', 'female'), m('丙', 'male')];
  it.each([
    ['2 members', three.slice(0, 2), false, '三至九人'],
    [
      '10 members',
      [...three, ...Array.from({ length: 7 }, (_, i) => m(`丁${i}`, 'male'))],
      false,
      '现为 10 人',
    ],
    ['no woman', [m('甲', 'male', 'chair'), m('乙', 'male'), m('丙', 'male')], false, '妇女成员'],
    ['no chair', [m('甲', 'male'), m('乙', 'female'), m('丙', 'male')], false, '主任一人'],
    ['no minority member in a multi-ethnic area', three, true, '人数较少民族'],
  ] as const)('refuses %s', (_n, members, multiEthnic, message) => {
    expect(() => checkCommittee([...members], '2024-03-01', multiEthnic)).toThrow(message);
  });

  it.each([
    ['2024-03-01', '2027-02-28'],
    ['2024-02-29', '2027-02-27'],
  ])('a term from %s ends on %s (three years)', (start, end) => {
    expect(checkCommittee(three, start, false).termEnd).toBe(end);
    expect(() => checkCommitteeServing({ termStart: start, termEnd: end }, end)).not.toThrow();
    expect(() => checkCommitteeServing({ termStart: start, termEnd: end }, '2027-03-01')).toThrow(
      '不在任期内',
    );
  });

  it('第十七条: no mediation without both parties’ consent', () => {
    expect(() => checkConsent(false)).toThrow('第十七条');
  });
});

describe('cases, agreements and 司法确认', () => {
  const reg = [act('register', '2025-03-03')];
  const agreed = [
    ...reg,
    act('succeed', '2025-03-10', {
      agreementForm: 'written',
      terms: '甲付乙一万元',
      performanceDueOn: '2025-04-10',
    }),
  ];

  it.each([
    ['2025-04-09', true],
    ['2025-04-10', false],
  ])('第三十三条: 司法确认 applied on %s is refused? %s', (date, ok) => {
    expect(confirmationWindowEnd('2025-03-10')).toBe('2025-04-09');
    const run = () =>
      checkMediationAction(agreed, act('applyConfirmation', date, { court: '某法院' }), ruleCtx);
    if (ok) expect(run).not.toThrow();
    else expect(run).toThrow('三十日内');
  });

  it('an oral agreement cannot be confirmed; a success needs its terms and deadline', () => {
    const oral = [
      ...reg,
      act('succeed', '2025-03-10', { agreementForm: 'oral', terms: '口头', performanceDueOn: '2025-03-20' }),
    ];
    expect(() =>
      checkMediationAction(oral, act('applyConfirmation', '2025-03-12', { court: '某法院' }), ruleCtx),
    ).toThrow('口头协议');
    expect(() =>
      checkMediationAction(reg, act('succeed', '2025-03-10', { agreementForm: 'written' }), ruleCtx),
    ).toThrow('协议内容');
  });

  it('projects the outcome and the performance deadline', () => {
    expect(projectMediation(agreed)).toMatchObject({
      status: 'succeeded',
      outcome: 'success',
      dueKind: 'performance',
      dueOn: '2025-04-10',
    });
    expect(projectMediation([...agreed, act('perform', '2025-04-01')])).toMatchObject({
      status: 'performed',
      dueOn: null,
    });
    expect(deriveMediationStatus([...reg, act('fail', '2025-03-05', { reason: '分歧大' })])).toBe('failed');
  });
});
