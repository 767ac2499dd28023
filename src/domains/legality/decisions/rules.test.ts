import { describe, expect, it } from 'vitest';
import {
  archiveChecklist,
  checkAdjustment,
  checkArchive,
  checkCatalogueAction,
  checkDecisionAction,
  checkDecisionComment,
  checkDecisionPublication,
  checkDiscussion,
  checkEvaluation,
  checkReadyForDiscussion,
  checkRisk,
  checkWaiver,
  type DecisionLogEntry,
  missingProcedures,
  projectDecision,
} from './rules.js';
import {
  allowedCatalogueActions,
  allowedDecisionActions,
  type Attendee,
  catalogueActions,
  decisionActions,
  decisionStatuses,
  type Opinion,
} from './schema.js';
import { errorCodeOfCall } from '../../../test/ctx.js';

const log = (...entries: [DecisionLogEntry['action'], string, Record<string, unknown>?][]) =>
  entries.map(([action, date, data]) => ({ action, date, data: data ?? {} }));

describe('决策事项目录 (重大行政决策程序暂行条例 第三条)', () => {
  it.each([
    ['drafted', 'agree', 'ok'],
    ['drafted', 'publish', 'legality.catalogue.actionNotAllowed'], // 经同级党委同意后向社会公布
    ['agreed', 'publish', 'ok'],
    ['published', 'agree', 'legality.catalogue.actionNotAllowed'],
    ['published', 'adjust', 'ok'],
  ] as const)('%s → %s: %s', (status, action, expected) => {
    expect(errorCodeOfCall(() => checkCatalogueAction(status, action))).toBe(expected);
  });

  it('allows every action somewhere except the first draft', () => {
    const used = new Set<string>(Object.values(allowedCatalogueActions).flat());
    expect(catalogueActions.filter((a) => !used.has(a))).toEqual(['draft']);
  });

  it.each([
    ['drafted', undefined, false, 'ok'],
    ['agreed', undefined, false, 'ok'],
    ['published', undefined, null, 'legality.catalogue.adjustReason'], // 调整 needs its reason
    ['published', '年中新增民生项目', true, 'ok'],
  ] as const)('adding to a %s catalogue with reason %s', (status, reason, adjustment, expected) => {
    expect(errorCodeOfCall(() => checkAdjustment(status, reason))).toBe(expected);
    if (expected === 'ok') expect(checkAdjustment(status, reason)).toBe(adjustment);
  });
});

describe('the status → allowed actions table', () => {
  it.each(decisionStatuses)('%s allows only known actions, and nothing after withdrawal', (status) => {
    for (const a of decisionActions) {
      const allowed = (allowedDecisionActions[status] as readonly string[]).includes(a);
      expect(errorCodeOfCall(() => checkDecisionAction(status, a))).toBe(
        allowed ? 'ok' : 'legality.decision.actionNotAllowed',
      );
    }
    if (status === 'withdrawn') expect(allowedDecisionActions[status]).toEqual([]);
  });
  it('publishes only a decided decision, and archives only after a decision or a refusal', () => {
    expect(errorCodeOfCall(() => checkDecisionAction('preparing', 'publish'))).toBe(
      'legality.decision.actionNotAllowed',
    );
    expect(errorCodeOfCall(() => checkDecisionAction('preparing', 'archive'))).toBe(
      'legality.decision.actionNotAllowed',
    );
    expect(errorCodeOfCall(() => checkDecisionAction('published', 'archive'))).toBe('ok');
  });
});

describe('projectDecision: the status comes from the log', () => {
  it.each([
    [log(['list', '2025-01-05']), 'preparing'],
    [log(['list', '2025-01-05'], ['discuss', '2025-05-01', { result: 'deferred' }]), 'preparing'],
    [log(['list', '2025-01-05'], ['discuss', '2025-05-01', { result: 'approved' }]), 'decided'],
    [log(['list', '2025-01-05'], ['discuss', '2025-05-01', { result: 'rejected' }]), 'rejected'],
    [
      log(
        ['list', '2025-01-05'],
        ['discuss', '2025-05-01', { result: 'approved' }],
        ['publish', '2025-05-10'],
      ),
      'published',
    ],
    [log(['list', '2025-01-05'], ['withdraw', '2025-03-01', { reason: '不再列入' }]), 'withdrawn'],
  ] as const)('%# → %s', (entries, status) => {
    expect(projectDecision(entries).status).toBe(status);
  });

  it('a procedure done after it was marked not applicable clears the waiver', () => {
    const p = projectDecision(
      log(
        ['list', '2025-01-05'],
        ['waive', '2025-01-10', { procedure: 'expertReview', reason: '专业性不强' }],
        ['expertReview', '2025-02-01', { experts: ['张三'] }],
      ),
    );
    expect(p.waived).toEqual({});
    expect(p.expertOn).toBe('2025-02-01');
  });
});

describe('公众参与 (第十五条: 征求意见期限一般不少于30日)', () => {
  it.each([
    ['2025-03-01', '2025-03-30', undefined, 'ok', 30],
    ['2025-03-01', '2025-03-29', undefined, 'legality.decision.commentTooShort', 29],
    ['2025-03-01', '2025-03-15', '防汛工程情况紧急', 'ok', 15],
    ['2025-03-10', '2025-03-01', undefined, 'legality.decision.commentDates', 0],
  ] as const)('%s..%s reason %s: %s', (from, to, reason, expected, days) => {
    expect(errorCodeOfCall(() => checkDecisionComment(from, to, reason))).toBe(expected);
    if (expected === 'ok') expect(checkDecisionComment(from, to, reason)).toBe(days);
  });
});

describe('风险评估 (第二十四条) and procedures not applicable (第十四条、第十九条、第二十二条)', () => {
  it.each([
    ['low', undefined, 'ok'],
    ['high', undefined, 'legality.decision.mitigationRequired'],
    ['high', '分期实施、设立补偿基金', 'ok'],
    [undefined, undefined, 'legality.decision.riskLevelRequired'],
  ] as const)('risk %s with mitigation %s', (level, mitigation, expected) => {
    expect(errorCodeOfCall(() => checkRisk(level, mitigation))).toBe(expected);
  });
  it.each([
    ['publicComment', '不涉及社会公众切身利益', 'ok'],
    ['riskAssessment', '', 'legality.decision.waiveReason'],
    [undefined, '理由', 'legality.decision.procedureRequired'],
  ] as const)('waive %s', (procedure, reason, expected) => {
    expect(errorCodeOfCall(() => checkWaiver(procedure, reason))).toBe(expected);
  });
});

describe('合法性审查 is a gate before 集体讨论 (第二十六条; materials 第二十九条)', () => {
  const ready = projectDecision(
    log(
      ['list', '2025-01-05'],
      ['publicComment', '2025-02-01', { commentFrom: '2025-02-01', commentTo: '2025-03-02' }],
      ['expertReview', '2025-03-05', { experts: ['李四'] }],
      ['waive', '2025-03-06', { procedure: 'riskAssessment', reason: '不涉及社会稳定' }],
    ),
  );
  it.each([
    [ready, true, 'ok'],
    [ready, false, 'legality.decision.reviewRequired'],
    [projectDecision(log(['list', '2025-01-05'])), true, 'legality.decision.proceduresMissing'],
  ] as const)('%# passed review %s: %s', (p, passed, expected) => {
    expect(errorCodeOfCall(() => checkReadyForDiscussion(p, passed))).toBe(expected);
  });
  it('names the procedures still missing', () => {
    expect(missingProcedures(projectDecision(log(['list', '2025-01-05'])))).toEqual([
      '公众参与',
      '专家论证',
      '风险评估',
    ]);
  });
});

describe('集体讨论决定 (第三十条: 行政首长最后发表意见, 与多数意见不一致须说明理由)', () => {
  const attendance: Attendee[] = [
    { name: '县长', role: 'head', present: true },
    { name: '副县长甲', role: 'member', present: true },
    { name: '副县长乙', role: 'member', present: true },
    { name: '副县长丙', role: 'member', present: false },
  ];
  const op = (speaker: string, stance: Opinion['stance']): Opinion => ({ speaker, stance });
  it.each([
    [
      'head last, majority agrees',
      [op('副县长甲', 'agree'), op('副县长乙', 'agree'), op('县长', 'agree')],
      'approved',
      undefined,
      'ok',
    ],
    [
      'head not last',
      [op('县长', 'agree'), op('副县长甲', 'agree')],
      'approved',
      undefined,
      'legality.decision.headLast',
    ],
    [
      'absent speaker',
      [op('副县长丙', 'agree'), op('县长', 'agree')],
      'approved',
      undefined,
      'legality.decision.speakerAbsent',
    ],
    [
      'against the majority without reason',
      [op('副县长甲', 'disagree'), op('副县长乙', 'disagree'), op('县长', 'agree')],
      'approved',
      undefined,
      'legality.decision.departureReason',
    ],
    [
      'against the majority with reason',
      [op('副县长甲', 'disagree'), op('副县长乙', 'disagree'), op('县长', 'agree')],
      'approved',
      '工期紧迫,风险已可控',
      'ok',
    ],
    ['no opinions', [], 'approved', undefined, 'legality.decision.opinionsRequired'],
  ] as const)('%s', (_name, opinions, result, reason, expected) => {
    expect(errorCodeOfCall(() => checkDiscussion(attendance, [...opinions], result, reason))).toBe(expected);
  });
  it('refuses a meeting without the head and records dissent', () => {
    expect(
      errorCodeOfCall(() =>
        checkDiscussion(
          attendance.map((a) => ({ ...a, present: a.role !== 'head' })),
          [op('副县长甲', 'agree')],
          'approved',
          undefined,
        ),
      ),
    ).toBe('legality.decision.headAbsent');
    const rec = checkDiscussion(
      attendance,
      [op('副县长甲', 'disagree'), op('副县长乙', 'agree'), op('县长', 'agree')],
      'approved',
      undefined,
    );
    expect(rec).toEqual({ dissent: ['副县长甲'], majority: 'tie', present: 3 });
  });
});

describe('公布 (第三十二条), 归档 (第三十三条), 后评估 (第三十六条)', () => {
  const decided = projectDecision(
    log(
      ['list', '2025-01-05'],
      ['publicComment', '2025-02-01', { commentFrom: '2025-02-01', commentTo: '2025-03-02' }],
      ['hearing', '2025-03-01'],
      ['waive', '2025-03-06', { procedure: 'expertReview', reason: '专业性不强' }],
      ['riskAssessment', '2025-03-07', { riskLevel: 'low' }],
      ['discuss', '2025-04-01', { result: 'approved' }],
      ['publish', '2025-04-10'],
    ),
  );
  it.each([
    ['政府网站', '采纳意见12条', 'ok'],
    ['政府网站', undefined, 'legality.decision.adoptionNoteRequired'],
    [undefined, '采纳意见12条', 'legality.decision.channelRequired'],
  ] as const)('publish via %s with note %s', (channel, note, expected) => {
    expect(errorCodeOfCall(() => checkDecisionPublication(decided, channel, note))).toBe(expected);
  });
  it('asks the archive for the materials of each procedure the decision ran', () => {
    expect(archiveChecklist(decided)).toEqual([
      '决策草案及起草说明',
      '公众意见及采纳情况',
      '听证笔录',
      '风险评估报告',
      '程序不适用说明',
      '合法性审查意见',
      '集体讨论记录',
      '决策文件及公布材料',
    ]);
  });
  it.each([
    [archiveChecklist(decided), 'ok'],
    [archiveChecklist(decided).slice(1), 'legality.decision.archiveIncomplete'],
    [undefined, 'legality.decision.archiveIncomplete'],
  ] as const)('archive %#: %s', (provided, expected) => {
    expect(errorCodeOfCall(() => checkArchive(decided, provided))).toBe(expected);
  });
  it('names the missing archive items', () => {
    expect(() => checkArchive(decided, ['决策草案及起草说明'])).toThrow(/缺少:公众意见及采纳情况、听证笔录/);
  });
  it.each([
    [decided, 'planned', 'legality.decision.notExecuting'],
    [
      projectDecision([...log(['list', '2025-01-05']), ...log(['execute', '2025-05-01'])]),
      undefined,
      'legality.decision.triggerRequired',
    ],
    [
      projectDecision([...log(['list', '2025-01-05']), ...log(['execute', '2025-05-01'])]),
      'resultsFailed',
      'ok',
    ],
  ] as const)('evaluate %#: %s', (p, trigger, expected) => {
    expect(errorCodeOfCall(() => checkEvaluation(p, trigger))).toBe(expected);
  });
});
