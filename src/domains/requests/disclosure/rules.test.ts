import { describe, expect, it } from 'vitest';
import { actBuilder, extensionRefusals, ruleCtx } from '../core/test-fixtures.js';
import {
  allowedDisclosureActions,
  checkDisclosureAction,
  deriveDisclosureStatus,
  type DisclosureRecord,
  disclosureAnswerDue,
  disclosureDues,
  projectDisclosure,
  receiptDate,
} from './rules.js';
import { DisclosureActionData, DisclosureStatus } from './schema.js';

const act = actBuilder<DisclosureRecord['action'], DisclosureRecord['data']>({});
const open = (date: string) => [act('receive', date)];

describe('第三十一条: the day an application counts as received', () => {
  it.each([
    ['inPerson', { submittedOn: '2025-03-03' }, '2025-03-03'],
    ['mailSigned', { signedOn: '2025-03-05', submittedOn: '2025-03-01' }, '2025-03-05'],
    ['mailOrdinary', { confirmedOn: '2025-03-06', signedOn: '2025-03-04' }, '2025-03-06'],
    ['online', { submittedOn: '2025-03-01', confirmedOn: '2025-03-03' }, '2025-03-03'],
    ['fax', { confirmedOn: '2025-03-07' }, '2025-03-07'],
  ] as const)('%s → %s', (channel, dates, expected) => {
    expect(receiptDate(channel, dates)).toBe(expected);
  });

  it.each([
    ['inPerson', 'submittedOn'],
    ['mailSigned', 'signedOn'],
    ['online', 'confirmedOn'],
  ] as const)('%s without its date names the field %s', (channel, field) => {
    expect(() => receiptDate(channel, {})).toThrow(expect.objectContaining({ details: { field } }));
  });
});

describe('第三十三条: the answer clock', () => {
  it.each([
    // 20 working days from Monday 2025-03-03
    ['plain', open('2025-03-03'), '2025-03-31'],
    // across 国庆 2025: 09-28 (Sun) and 10-11 (Sat) are make-up workdays, 10-01..08 off
    ['across the National Day holiday', open('2025-09-26'), '2025-10-30'],
    // 第三十条: the clock restarts on the day the 补正 arrives (2025-04-04..06 清明 off)
    [
      '补正 restarts the clock',
      [...open('2025-03-03'), act('requestCorrection', '2025-03-05'), act('correct', '2025-03-20')],
      '2025-04-18',
    ],
    // 第三十三条第三款: 03-10..03-14 (5 working days) with the third party do not count
    [
      'third-party consultation not counted',
      [...open('2025-03-03'), act('consultThirdParty', '2025-03-10'), act('thirdPartyReply', '2025-03-14')],
      '2025-04-08',
    ],
    // 第三十三条第二款: + 20 working days, approved (04-04 清明 off, Sunday 04-27 a make-up workday)
    ['extended once', [...open('2025-03-03'), act('extend', '2025-03-20')], '2025-04-28'],
    [
      'awaiting 补正: the clock stands still',
      [...open('2025-03-03'), act('requestCorrection', '2025-03-05')],
      null,
    ],
    [
      'consultation unanswered: stands still',
      [...open('2025-03-03'), act('consultThirdParty', '2025-03-10')],
      null,
    ],
  ] as const)('%s', (_name, log, due) => {
    expect(disclosureAnswerDue(log[0]?.date ?? '', log, ruleCtx).due).toBe(due);
  });

  it('marks a date reaching a year without a loaded arrangement as provisional', () => {
    const r = disclosureAnswerDue('2099-03-02', [act('receive', '2099-03-02')], ruleCtx);
    expect(r.provisional).toBe(true);
    expect(r.due).toBe('2099-03-30');
  });
});

describe('the status → acts table', () => {
  it.each(DisclosureStatus.options)('every act allowed in %s folds without error', (status) => {
    const reach: Record<string, DisclosureRecord[]> = {
      processing: open('2025-03-03'),
      awaitingCorrection: [...open('2025-03-03'), act('requestCorrection', '2025-03-04')],
      consulting: [...open('2025-03-03'), act('consultThirdParty', '2025-03-04')],
      answered: [...open('2025-03-03'), act('answer', '2025-03-04')],
      served: [...open('2025-03-03'), act('answer', '2025-03-04'), act('serve', '2025-03-05')],
      withdrawn: [...open('2025-03-03'), act('withdraw', '2025-03-04')],
      abandoned: [...open('2025-03-03'), act('requestCorrection', '2025-03-04'), act('lapse', '2025-03-20')],
    };
    const log = reach[status] ?? [];
    expect(deriveDisclosureStatus(log)).toBe(status);
    for (const a of allowedDisclosureActions[status]) {
      expect(() => deriveDisclosureStatus([...log, act(a, '2025-03-25')])).not.toThrow();
    }
  });

  it('refuses an act the status does not allow', () => {
    expect(() =>
      deriveDisclosureStatus([
        ...open('2025-03-03'),
        act('answer', '2025-03-04'),
        act('extend', '2025-03-05'),
      ]),
    ).toThrow('不能“延长答复期限”');
  });
});

describe('bad input is refused naming the rule', () => {
  const base = open('2025-03-03');
  const refuse = (log: DisclosureRecord[], next: DisclosureRecord) => () =>
    checkDisclosureAction('2025-03-03', log, next, ruleCtx);

  it.each([
    ...extensionRefusals((date, data) => act('extend', date, data), base, {
      on: '2025-03-20',
      late: '2025-04-01',
      periodEnd: '2025-03-31',
      basis: '第三十三条第二款',
    }),
    [
      'a second request for 补正',
      [...base, act('requestCorrection', '2025-03-04', { reason: '描述不明' }), act('correct', '2025-03-10')],
      act('requestCorrection', '2025-03-11', { reason: '再补' }),
      '一次性告知',
    ],
    [
      'an answer without a type',
      base,
      act('answer', '2025-03-20', { documentNo: '公开〔2025〕1号' }),
      '第三十六条',
    ],
    [
      'a partial disclosure without its parts',
      base,
      act('answer', '2025-03-20', { answerType: 'partial', documentNo: '公开〔2025〕1号' }),
      '公开的部分',
    ],
    [
      'a withholding without reasons',
      base,
      act('answer', '2025-03-20', { answerType: 'withheld.process', documentNo: '公开〔2025〕1号' }),
      '不予公开的理由',
    ],
    [
      'a fee without its basis',
      base,
      act('answer', '2025-03-20', { answerType: 'disclosed', documentNo: '公开〔2025〕1号', fee: 100 }),
      '收取信息处理费的依据',
    ],
    [
      'an act dated before the previous one',
      base,
      act('answer', '2025-03-01', { answerType: 'disclosed', documentNo: 'x1' }),
      '早于上一环节',
    ],
    ['an act in the future', base, act('withdraw', '2026-01-05'), '晚于今天'],
  ] as const)('%s', (_n, log, next, message) => {
    expect(refuse([...log], next)).toThrow(message);
  });

  it('refuses an answer type outside art. 36 at the schema', () => {
    const r = DisclosureActionData.safeParse({ answerType: 'ignored' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('第三十六条');
  });
});

describe('projection and dues', () => {
  it('answered in time, with the partial outcome and an extension', () => {
    const log = [
      ...open('2025-03-03'),
      act('extend', '2025-03-25', { approverName: '李明', reason: '需调取档案' }),
      act('answer', '2025-04-20', { answerType: 'partial', documentNo: 'x' }),
    ];
    const p = projectDisclosure('2025-03-03', log, ruleCtx);
    expect(p).toMatchObject({
      status: 'answered',
      outcome: 'partial',
      extended: true,
      onTime: true,
      dueOn: null,
    });
  });

  it('answered late is not on time; the 补正 notice and third-party window are shown', () => {
    const log = [
      ...open('2025-03-03'),
      act('requestCorrection', '2025-03-14', { reason: '描述不明' }),
      act('correct', '2025-03-17'),
      act('consultThirdParty', '2025-03-18', { thirdParty: '某公司' }),
      act('thirdPartyReply', '2025-04-10', { thirdPartyView: 'object' }),
      act('answer', '2025-05-30', { answerType: 'withheld.thirdParty', documentNo: 'x', reason: '商业秘密' }),
    ];
    const p = projectDisclosure('2025-03-03', log, ruleCtx);
    expect(p.onTime).toBe(false);
    const dues = disclosureDues('2025-03-03', log, ruleCtx);
    expect(dues.map((d) => d.kind)).toEqual(['correctionNotice', 'thirdParty', 'answer']);
    // 7 working days from 03-03 end on 03-12: the notice on 03-14 was late
    expect(dues[0]).toMatchObject({ dueOn: '2025-03-12', metOn: '2025-03-14' });
    expect(dues[1]).toMatchObject({ party: true, metOn: '2025-04-10' });
  });
});
