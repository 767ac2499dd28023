import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { testEngines } from '../../../test/db.js';
import { databaseSetup } from '../../../test/suite.js';
import { codeOf } from '../../../test/ctx.js';
import { reviewOutcome } from '../../legality/api.js';
import '../../legality/tables.js';
import { ctxAt, orgId, userCtx, withOrgs } from '../test/fixtures.js';
import {
  createReconsideration,
  getReconsideration,
  recordReconAction,
  searchReconsiderations,
} from './service.js';

const all = { offset: 0, limit: 200 };

describe.each(testEngines())('行政复议 cases on $name', (engine) => {
  const application = (over: Record<string, unknown> = {}) => ({
    channel: 'inPerson',
    receivedOn: '2025-06-02',
    respondentOrgId: t.scjg,
    applicantKind: 'person',
    applicantName: '周文斌',
    applicantIdNo: '532502198803150012',
    applicantPhone: '13908731234',
    act: {
      title: '行政处罚决定书',
      documentNo: '开市监罚〔2025〕31号',
      kind: 'penalty',
      knownOn: '2025-05-20',
      penaltyTypes: ['fine'],
      amount: 5000,
    },
    request: '撤销被申请人作出的行政处罚决定',
    reasons: '被申请人认定事实不清,适用法律错误。',
    ...over,
  });

  const t = databaseSetup(engine, async (h) => {
    await withOrgs(h);
    return { sys: ctxAt(h), scjg: await orgId(h, '市场监督管理局') };
  });

  /** A case opened for `applicantName`, its acts recorded one by one late in the year (no date is in the future). */
  const opened = async (applicantName: string) => {
    const late = ctxAt(t.h, new Date('2025-12-01T02:00:00Z'));
    let c = await createReconsideration(t.sys, application({ applicantName }));
    return {
      get c() {
        return c;
      },
      late,
      step: async (action: string, date: string, data: Record<string, unknown> = {}) =>
        (c = await recordReconAction(late, c.id, { version: c.version, action, date, data })),
    };
  };

  it('opens a case with its 案号, the review clock and 复议前置 computed', async () => {
    const c = await createReconsideration(t.sys, application());
    expect(c).toMatchObject({
      status: 'received',
      statusLabel: '待审查',
      caseNo: '行复〔2025〕1号',
      precondition: false,
    });
    expect(c.dues.find((d) => d.kind === 'acceptanceReview')).toMatchObject({ dueOn: '2025-06-09' });
    expect(c.allowedActions.map((a) => a.action)).toContain('accept');
    expect(c.simpleGround).toBeNull();
  });

  it('runs a case: 受理 → 副本 → 答复 → 中止 / 恢复 → 决定 → 送达 → 公开, the clocks following', async () => {
    const k = await opened('李秀英');
    const { step } = k;
    await step('accept', '2025-06-04', { procedure: 'ordinary' });
    expect(k.c.decisionDueOn).toBe('2025-08-04');
    await step('sendCopy', '2025-06-05');
    await step('receiveAnswer', '2025-06-16');
    await step('suspend', '2025-06-20', { suspensionGround: 'awaitingOtherCase' });
    expect(k.c).toMatchObject({ status: 'suspended', decisionDueOn: null });
    await step('resume', '2025-06-30');
    expect(k.c.decisionDueOn).toBe('2025-08-13');
    await step('decide', '2025-07-10', {
      outcome: 'revoke',
      documentNo: '行复〔2025〕2号',
      text: '撤销被申请人作出的行政处罚决定。',
    });
    expect(k.c).toMatchObject({ status: 'decided', outcomeLabel: '撤销', daysToDecide: 36 });
    await step('serve', '2025-07-11');
    await step('publish', '2025-07-12');
    expect(k.c.actions.map((a) => a.label)).toEqual([
      '收到复议申请',
      '受理',
      '向被申请人发送申请书副本',
      '收到被申请人答复和证据',
      '中止审理',
      '恢复审理',
      '作出复议决定',
      '送达',
      '公开复议决定书',
    ]);
  });

  it('附带审查 puts the 规范性文件 on the legality desk and holds the case 中止 until it resumes', async () => {
    const k = await opened('钱志刚');
    const { step, late } = k;
    await step('accept', '2025-06-04', { procedure: 'ordinary' });
    await step('requestNormReview', '2025-06-10', {
      normTitle: '关于规范市场经营秩序的若干规定',
      normIssuer: '某县人民政府',
      // a review id from the input is never taken: the system files the item itself
      reviewId: '00000000-0000-4000-8000-000000000000',
    });
    expect(k.c).toMatchObject({ status: 'suspended', decisionDueOn: null });
    const reviewId = k.c.actions.at(-1)?.data.reviewId as string;
    expect(reviewId).not.toBe('00000000-0000-4000-8000-000000000000');
    const review = await reviewOutcome(late, reviewId);
    expect(review).toMatchObject({ statusLabel: '审查中', passed: false });
    const desk = await t.h.db
      .selectFrom('legality_review')
      .select(['title', 'kind'])
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(desk.title).toContain('关于规范市场经营秩序的若干规定');
    expect(desk.title).toContain(k.c.caseNo);
    await step('resume', '2025-06-20');
    // 60 days from 06-04 = 08-03 (a Sunday → 08-04), plus the 10 days paused
    expect(k.c).toMatchObject({ status: 'accepted', decisionDueOn: '2025-08-13' });
  });

  it('refuses bad input with a Chinese message naming the field, nothing half written', async () => {
    const c = await createReconsideration(t.sys, application({ applicantName: '王建国' }));
    const before = (await getReconsideration(t.sys, c.id)).actions.length;
    const record = (version: number, action: string, date: string, data: Record<string, unknown>) =>
      recordReconAction(t.sys, c.id, { version, action, date, data });
    expect(await codeOf(record(c.version, 'accept', '2025-06-03', { procedure: 'simple' }))).toBe(
      'disputes.reconsideration.simpleIneligible@data.procedure',
    );
    const accepted = await record(c.version, 'accept', '2025-06-03', { procedure: 'ordinary' });
    expect(
      await codeOf(
        record(accepted.version, 'decide', '2025-06-02', {
          outcome: 'uphold',
          documentNo: '行复〔2025〕9号',
        }),
      ),
    ).toBe('disputes.reconsideration.decisionBeforeAcceptance@date');
    expect(await codeOf(createReconsideration(t.sys, application({ applicantName: '' })))).toBe(
      'validation@applicantName',
    );
    await createReconsideration(t.sys, application({ applicantName: '' })).catch((e: Error) =>
      expect(e.message).toBe('申请人:不能为空'),
    );
    expect((await getReconsideration(t.sys, c.id)).actions.length).toBe(before + 1);
  });

  it('marks 视为受理 on its own when the review period passes in silence (第三十条)', async () => {
    const c = await createReconsideration(
      t.sys,
      application({ applicantName: '赵德明', receivedOn: '2025-06-03' }),
    );
    const later: Ctx = { ...t.sys, now: () => new Date('2025-06-20T02:00:00Z') };
    await searchReconsiderations(later, {}, all);
    const after = await getReconsideration(later, c.id);
    expect(after).toMatchObject({ status: 'accepted', deemedAccepted: true, acceptedOn: '2025-06-10' });
    expect(after.actions.at(-1)).toMatchObject({ label: '审查期限届满,视为受理', actorName: '系统' });
  });

  it('answers 404 for a case outside the caller’s scope', async () => {
    const c = await createReconsideration(t.sys, application({ applicantName: '孙丽华' }));
    const township = await userCtx(t.h, 'township');
    expect(await codeOf(getReconsideration(township, c.id))).toMatch(
      /^(disputes.reconsideration.notFound|auth\.)/,
    );
  });
});
