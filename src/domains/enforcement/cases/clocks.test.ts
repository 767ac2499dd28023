import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import type { DomainError } from '../../../platform/errors.js';
import { categoryDueDates, checkCategoryAct } from './clocks.js';
import { recordGaps } from './records.js';
import { type CaseFacts, checkAction, DEFAULT_MAJOR_THRESHOLDS, nextDue } from './rules.js';
import type { ActionRecord } from './schema.js';
import { errorCodeOfCall } from '../../../test/ctx.js';
import { act } from '../test/log.js';

const calendar = createWorkCalendar();
const due = (log: ActionRecord[], kind: string, proc: 'license' | 'coercion' = 'license', today?: string) =>
  categoryDueDates(proc, log, calendar, today).find((d) => d.kind === kind);

describe('行政许可 clocks (working days, 行政许可法 第八十二条)', () => {
  const apply = act('apply', '2025-09-26'); // a Friday before the National Day week
  it.each([
    // art. 32: 五日内 — 09-26 → 09-28 (调休 working Sunday), 09-29, 09-30, 10-09, 10-10
    ['受理 within 5 working days of the application', [apply], 'acceptance', '2025-10-10'],
    // art. 42: 二十日 from 受理 on 2025-06-03 (端午 05-31 – 06-02 is before): → 07-01
    [
      'the decision 20 working days from 受理',
      [act('apply', '2025-06-03'), act('accept', '2025-06-03')],
      'licenseDecision',
      '2025-07-01',
    ],
    [
      'an approved extension of 10 working days (第四十二条)',
      [
        act('apply', '2025-06-03'),
        act('accept', '2025-06-03'),
        act('extend', '2025-06-20', { workdays: 10 }),
      ],
      'licenseDecision',
      '2025-07-15',
    ],
    [
      '专家评审 time is not counted (第四十五条)',
      [
        act('apply', '2025-06-03'),
        act('accept', '2025-06-03'),
        act('expertReview', '2025-06-10', { workdays: 5 }),
      ],
      'licenseDecision',
      '2025-07-08',
    ],
    [
      'the license within 10 working days of the decision (第四十四条)',
      [act('apply', '2025-06-03'), act('accept', '2025-06-03'), act('grant', '2025-06-16')],
      'licenseIssue',
      '2025-06-30',
    ],
  ])('%s', (_w, log, kind, expected) => {
    expect(due(log as ActionRecord[], kind as string)?.due).toBe(expected);
  });

  it('a corrected application restarts the five days from the correction', () => {
    const log = [apply, act('requestCorrection', '2025-09-29'), act('correct', '2025-10-20')];
    expect(due(log, 'acceptance')).toMatchObject({ due: '2025-10-27', metOn: null });
  });

  it('an application not answered in 5 working days is 逾期; 受理 meets it', () => {
    expect(
      nextDue(categoryDueDates('license', [act('apply', '2025-06-03')], calendar), '2025-06-16'),
    ).toMatchObject({ kind: 'acceptance', state: 'overdue' });
    expect(due([act('apply', '2025-06-03'), act('accept', '2025-06-05')], 'acceptance')?.metOn).toBe(
      '2025-06-05',
    );
  });
});

describe('行政强制 clocks (calendar days, 行政强制法 第二十五条)', () => {
  it.each([
    ['30 days from 查封', [act('open', '2025-03-01'), act('seize', '2025-03-03')], '2025-04-02'],
    [
      'plus one approved extension of 30',
      [
        act('open', '2025-03-01'),
        act('seize', '2025-03-03'),
        act('extendSeizure', '2025-03-30', { days: 30 }),
      ],
      // the 60th day 2025-05-02 is 劳动节: moved to the first workday after (民法典 第二百零三条)
      '2025-05-06',
    ],
    // 民法典 第二百零三条 (行政强制法 第六十九条: only 十日以内 periods are working days): the 30th
    // day, Saturday 2026-12-26, moves to Monday 2026-12-28 — as every calendar-day period does
    ['the 30th day on a Saturday', [act('open', '2026-11-26'), act('seize', '2026-11-26')], '2026-12-28'],
    // 第二十五条第三款: 检测、检验、检疫或者技术鉴定 is not counted — 10 days from 03-10 push 04-02 to 04-12
    // (a Saturday) → Monday 04-14
    [
      '检测 days are not counted (第二十五条第三款)',
      [act('open', '2025-03-01'), act('seize', '2025-03-03'), act('testSeized', '2025-03-10', { days: 10 })],
      '2025-04-14',
    ],
  ])('%s', (_w, log, expected) => {
    expect(due(log as ActionRecord[], 'seizure', 'coercion')?.due).toBe(expected);
  });

  it('a 检测 act needs its days', () => {
    const log = [act('open', '2025-03-01'), act('seize', '2025-03-03')];
    expect(errorCodeOfCall(() => checkCategoryAct('coercion', log, act('testSeized', '2025-03-05')))).toBe(
      'enforcement.seizureTestDays',
    );
  });
});

describe('行政许可法 第四十四条 and 第三十二条', () => {
  const accepted = [act('apply', '2025-06-03'), act('accept', '2025-06-03')];
  it.each<[string, ActionRecord[], boolean]>([
    ['准予: the 10-working-day 颁证 clock runs', [...accepted, act('grant', '2025-06-16')], true],
    [
      '不予许可: no 颁证 clock (第四十四条 applies to 准予 only)',
      [...accepted, act('refuse', '2025-06-16')],
      false,
    ],
    ['undecided: no 颁证 clock yet', accepted, false],
  ])('%s', (_w, log, present) => {
    expect(due(log, 'licenseIssue') !== undefined).toBe(present);
  });

  // 第三十二条第一款第(四)项: 逾期不告知的,自收到申请材料之日起即为受理
  it('an application left unanswered past 5 working days is 逾期 and deemed accepted from receipt', () => {
    const log = [act('apply', '2025-06-03')];
    const acceptance = due(log, 'acceptance', 'license', '2025-06-16');
    expect(acceptance).toMatchObject({ due: '2025-06-10', metOn: null });
    expect(acceptance?.note).toMatch(/第三十二条/);
    expect(nextDue(categoryDueDates('license', log, calendar, '2025-06-16'), '2025-06-16')?.state).toBe(
      'overdue',
    );
    // the decision clock (第四十二条 二十日) runs from the day of receipt
    expect(due(log, 'licenseDecision', 'license', '2025-06-16')).toMatchObject({
      due: '2025-07-01',
      note: expect.stringMatching(/第三十二条/),
    });
    // within the 5 working days nothing is deemed yet
    expect(due(log, 'licenseDecision', 'license', '2025-06-09')).toBeUndefined();
  });

  it('a late 受理 still counts the decision from receipt', () => {
    const log = [act('apply', '2025-06-03'), act('accept', '2025-06-12')];
    expect(due(log, 'licenseDecision')).toMatchObject({
      due: '2025-07-01',
      note: expect.stringMatching(/第三十二条/),
    });
    const onTime = [act('apply', '2025-06-03'), act('accept', '2025-06-05')];
    expect(due(onTime, 'licenseDecision')).toMatchObject({ due: '2025-07-03' });
    expect(due(onTime, 'licenseDecision')?.note).toBeUndefined();
  });
});

describe('category rules of one act', () => {
  const lic = [act('apply', '2025-06-03'), act('accept', '2025-06-03')];
  it.each([
    [
      'a license extension over 10 working days',
      'license',
      lic,
      act('extend', '2025-06-10', { workdays: 11 }),
      'enforcement.licenseExtension',
    ],
    [
      'a second license extension',
      'license',
      [...lic, act('extend', '2025-06-05', { workdays: 5 })],
      act('extend', '2025-06-10', { workdays: 5 }),
      'enforcement.licenseExtension',
    ],
    ['a license extension of 10', 'license', lic, act('extend', '2025-06-10', { workdays: 10 }), 'ok'],
    [
      'expert review without its days',
      'license',
      lic,
      act('expertReview', '2025-06-10'),
      'enforcement.expertReviewDays',
    ],
    [
      'a seizure extension over 30 days',
      'coercion',
      [act('open', '2025-06-03'), act('seize', '2025-06-03')],
      act('extendSeizure', '2025-06-10', { days: 31 }),
      'enforcement.seizureExtension',
    ],
    [
      'a 处理决定 without its kind',
      'coercion',
      [act('open', '2025-06-03'), act('seize', '2025-06-03')],
      act('dispose', '2025-06-10'),
      'enforcement.disposalRequired',
    ],
    [
      'a change without a reason',
      'generic',
      [act('open', '2025-06-03'), act('decide', '2025-06-04')],
      act('revokeDecision', '2025-06-10', { decisionNo: 'x' }),
      'enforcement.changeReason',
    ],
    [
      'a change without its document number',
      'generic',
      [act('open', '2025-06-03'), act('decide', '2025-06-04')],
      act('amendDecision', '2025-06-10', { reason: '纠错' }),
      'enforcement.changeDecisionNo',
    ],
  ] as const)('%s', (_w, proc, log, next, code) => {
    expect(errorCodeOfCall(() => checkCategoryAct(proc, log, next))).toBe(code);
  });

  it('a major license decision needs 法制审核 first (国办发〔2018〕118号)', () => {
    const facts: CaseFacts = {
      procedure: 'license',
      partyKind: 'organisation',
      openedOn: '2025-06-03',
      majorReason: '涉及重大公共利益',
    };
    const env = { today: '2025-12-31', thresholds: DEFAULT_MAJOR_THRESHOLDS, calendar };
    expect(errorCodeOfCall(() => checkAction(facts, lic, act('grant', '2025-06-10'), env))).toBe(
      'enforcement.reviewRequired',
    );
    expect(
      errorCodeOfCall(() =>
        checkAction({ ...facts, majorReason: null }, lic, act('grant', '2025-06-10'), env),
      ),
    ).toBe('ok');
  });
});

describe('全过程记录 required by each act (行政处罚法 第四十七条)', () => {
  const doc = { sha256: 'a'.repeat(64), kind: 'document' as const, name: '笔录.pdf' };
  const video = { sha256: 'b'.repeat(64), kind: 'audioVideo' as const, name: '执法记录仪.mp4' };
  it.each([
    ['立案 without its 立案审批表', [act('open', '2025-06-03')], ['立案审批表']],
    ['立案 with it', [{ ...act('open', '2025-06-03'), records: [doc] }], []],
    [
      '调查取证 with a 笔录 but no 音像',
      [
        { ...act('open', '2025-06-03'), records: [doc] },
        { ...act('investigate', '2025-06-04'), records: [doc] },
      ],
      ['音像记录'],
    ],
    [
      '查封扣押 needs two documents and 音像',
      [
        { ...act('open', '2025-06-03'), records: [doc] },
        { ...act('seize', '2025-06-04'), records: [doc, video] },
      ],
      ['现场笔录'],
    ],
    [
      'an act that needs none (延长)',
      [{ ...act('open', '2025-06-03'), records: [doc] }, act('extendSeizure', '2025-06-04')],
      [],
    ],
  ] as const)('%s', (_w, log, missing) => {
    expect(recordGaps('coercion', log as unknown as ActionRecord[]).map((g) => g.recordLabel)).toEqual(
      missing,
    );
  });

  it('结案 is refused while a record is missing, naming the act and the record', () => {
    const facts: CaseFacts = {
      procedure: 'generic',
      partyKind: 'person',
      openedOn: '2025-06-03',
      majorReason: null,
    };
    const log = [
      act('open', '2025-06-03'),
      { ...act('decide', '2025-06-04'), records: [doc] },
      { ...act('serve', '2025-06-05'), records: [doc] },
    ];
    const env = { today: '2025-12-31', thresholds: DEFAULT_MAJOR_THRESHOLDS, calendar };
    try {
      checkAction(facts, log, act('close', '2025-06-06'), env);
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('enforcement.recordsMissing');
      expect((e as DomainError).message).toContain('第 1 环节“立案(启动)”缺立案审批表');
    }
    expect(
      errorCodeOfCall(() => checkAction(facts, log, act('close', '2025-06-06'), { ...env, archive: true })),
    ).toBe('ok');
  });
});
