import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import { openCase } from '../cases/service.js';
import { recordAction } from '../cases/act-service.js';
import { searchBodies } from '../officers/service.js';
import { createReferral, getReferral, recordReferralAction, searchReferrals } from './service.js';
import { marketSetup, userCtx } from '../test/fixtures.js';
import { codeOf } from '../../../test/ctx.js';

const all = { offset: 0, limit: 200 };

describe.each(testEngines())('两法衔接 referrals on $name', (engine) => {
  const m = marketSetup(engine);
  let handlers: string[];
  let otherCertified: string;
  let caseId: string;
  const report = () => ({
    caseId,
    teamIds: handlers,
    suspectedCrime: '生产、销售伪劣产品罪',
    facts: '当事人销售不合格电线电缆,货值金额经核算达 8.6 万元,涉嫌构成生产、销售伪劣产品罪',
    evidence: [{ name: '检验报告(开市监检〔2025〕12号)' }, { name: '现场检查笔录' }],
    reportedOn: '2025-06-03',
  });
  const count = async () => (await searchReferrals(m.sys, {}, all)).total;
  const open = async (partyName: string) =>
    (
      await openCase(m.sys, {
        bodyId: (await searchBodies(m.sys, { q: '市场监督管理局' }, all)).items[0]?.id,
        partyKind: 'organisation',
        partyName,
        facts: '销售不合格电线电缆',
        handlerIds: handlers,
        openedOn: '2025-05-20',
      })
    ).id;

  const fine = { sanction: { penalties: ['fine'], amount: 5000 } };
  /** 告知 a 5,000 元 fine on a case just opened (its version 1): the step before a decision. */
  const notifyFine = (id: string) =>
    recordAction(m.sys, id, { version: 1, action: 'notify', date: '2025-05-22', data: fine });

  beforeAll(async () => {
    const { certified } = m;
    handlers = certified.slice(0, 2);
    otherCertified = certified[3] ?? '';
    caseId = await open('开远市某某电器经营部');
  });

  it('records the report and shows the head approval due in 3 days (第五条)', async () => {
    const r = await createReferral(m.sys, report());
    expect(r).toMatchObject({ status: 'reported', statusLabel: '待负责人审批', penaltyDecided: false });
    expect(r.team.map((t) => t.id).sort()).toEqual([...handlers].sort());
    expect(r.dues).toMatchObject([{ kind: 'approval', dueOn: '2025-06-06', owner: 'agency' }]);
    expect(r.allowedActions.map((a) => a.action)).toEqual(['approve', 'refuse']);
  });

  it.each([
    ['a single-person team', () => ({ teamIds: [handlers[0]] }), 'enforcement.referral.teamTooSmall@teamIds'],
    [
      'an officer who does not handle the case',
      () => ({ teamIds: [handlers[0], otherCertified] }),
      'enforcement.referral.teamNotHandler@teamIds',
    ],
    [
      'a report before 立案',
      () => ({ reportedOn: '2025-05-19' }),
      'enforcement.referral.beforeOpened@reportedOn',
    ],
    [
      'evidence citing a file never uploaded',
      () => ({ evidence: [{ name: '检验报告', sha256: 'a'.repeat(64) }] }),
      'enforcement.referral.evidenceMissing@evidence.0.sha256',
    ],
    ['no suspected crime', () => ({ suspectedCrime: '' }), 'validation@suspectedCrime'],
  ])('refuses %s and writes nothing', async (_w, patch, code) => {
    const c2 = await open(`开远市测试${Math.random().toString(36).slice(2, 6)}商行`);
    const before = await count();
    expect(await codeOf(createReferral(m.sys, { ...report(), caseId: c2, ...patch() }))).toBe(code);
    expect(await count()).toBe(before);
  });

  it('refuses a second live referral of the same case', async () => {
    expect(await codeOf(createReferral(m.sys, report()))).toBe('enforcement.referral.duplicate@caseId');
  });

  it('walks approve → handover → 受理 → 不予立案 → 复议 → 立案 → 移交物品 → 结案 with its clocks', async () => {
    const id = (await searchReferrals(m.sys, { caseId }, all)).items[0]?.id ?? '';
    let r = await getReferral(m.sys, id);
    const act = async (body: Record<string, unknown>) => {
      r = await recordReferralAction(m.sys, id, { version: r.version, ...body });
      return r;
    };
    /** the error code of an act at the current version that is refused */
    const refusal = (body: Record<string, unknown>) =>
      codeOf(recordReferralAction(m.sys, id, { version: r.version, ...body }));
    // handover before approval: refused, nothing written
    expect(
      await refusal({
        action: 'handOver',
        at: '2025-06-04T09:00:00+08:00',
        data: { policeOrg: '开远市公安局', documentNo: '开市监移〔2025〕1号' },
      }),
    ).toBe('enforcement.referral.actionNotAllowed@action');
    expect((await getReferral(m.sys, id)).actions).toHaveLength(1);
    await act({ action: 'approve', at: '2025-06-05T10:00:00+08:00', data: { approverName: '李强' } });
    expect(r.dues.find((d) => d.kind === 'handover')).toMatchObject({ dueAt: '2025-06-06T02:00:00.000Z' });
    // handed over 26 hours later: recorded, and flagged as late (第五条)
    await act({
      action: 'handOver',
      at: '2025-06-06T12:00:00+08:00',
      data: {
        policeOrg: '开远市公安局',
        documentNo: '开市监移〔2025〕1号',
        procuratorate: '开远市人民检察院',
      },
    });
    expect(r).toMatchObject({
      status: 'handedOver',
      handoverHours: 26,
      handoverLate: true,
      policeOrg: '开远市公安局',
    });
    await act({ action: 'accept', date: '2025-06-06' });
    expect(r.nextDue).toMatchObject({ kind: 'policeReview', dueAt: '2025-06-09T16:00:00.000Z' });
    await act({
      action: 'decline',
      date: '2025-06-09',
      data: { reason: '货值未达追诉标准', documentNo: '开公（经）不立字〔2025〕7号' },
    });
    expect(r.allowedActions.map((a) => a.action)).toEqual([
      'requestReconsideration',
      'requestSupervision',
      'close',
    ]);
    expect(await refusal({ action: 'requestReconsideration', date: '2025-06-13' })).toBe(
      'enforcement.referral.windowPassed@date',
    );
    await act({ action: 'requestReconsideration', date: '2025-06-11' });
    await act({
      action: 'reconsiderFiled',
      date: '2025-06-13',
      data: { documentNo: '开公（经）立字〔2025〕21号' },
    });
    expect(r).toMatchObject({ status: 'filed', filedOn: '2025-06-13', declinedOn: '2025-06-09' });
    // now 2025-06-16 10:00: the exhibits are due by the end of 2025-06-16 (第十二条) — 临期
    expect(r.nextDue).toMatchObject({ kind: 'exhibits', state: 'dueSoon' });
    expect((await searchReferrals(m.sys, { due: 'dueSoon' }, all)).items.map((x) => x.id)).toContain(id);
    await act({
      action: 'transferExhibits',
      date: '2025-06-16',
      data: { items: ['不合格电线电缆 120 卷', '检验报告原件'] },
    });
    await act({ action: 'close', date: '2025-06-16' });
    expect(r).toMatchObject({ status: 'closed', nextDue: null, closedOn: '2025-06-16', lateCount: 1 });
    expect(r.actions.map((a) => a.action)).toEqual([
      'report',
      'approve',
      'handOver',
      'accept',
      'decline',
      'requestReconsideration',
      'reconsiderFiled',
      'transferExhibits',
      'close',
    ]);
  });

  it('refuses a stale version', async () => {
    const c2 = await open('开远市某某建材经营部');
    const r = await createReferral(m.sys, { ...report(), caseId: c2 });
    expect(
      await codeOf(
        recordReferralAction(m.sys, r.id, { version: r.version + 1, action: 'refuse', date: '2025-06-04' }),
      ),
    ).toBe('conflict.stale@version');
  });

  it('while a referral is pending no penalty is decided on its case; once the head refuses, it is (第十一条)', async () => {
    const pending = await open('开远市某某灯具店');
    const notified = await notifyFine(pending);
    const r = await createReferral(m.sys, { ...report(), caseId: pending });
    const decide = (version: number) =>
      recordAction(m.sys, pending, { version, action: 'decide', date: '2025-06-05', data: fine });
    expect(await codeOf(decide(notified.version))).toBe('enforcement.referralPending@action');
    await recordReferralAction(m.sys, r.id, {
      version: r.version,
      action: 'refuse',
      date: '2025-06-04',
      data: { approverName: '李局长', reason: '涉案金额未达到刑事立案追诉标准' },
    });
    expect((await decide(notified.version)).status).toBe('decided');
  });

  it('flags a referral of a case whose penalty was decided (第十一条), and refuses a terminated case', async () => {
    const decided = await open('开远市某某五金店');
    const notified = await notifyFine(decided);
    await recordAction(m.sys, decided, {
      version: notified.version,
      action: 'decide',
      date: '2025-05-30',
      data: { ...fine, decisionNo: '开市监罚〔2025〕88号' },
    });
    const r = await createReferral(m.sys, { ...report(), caseId: decided });
    expect(r).toMatchObject({ penaltyDecided: true, penaltyAmount: 5000 });
    expect(r.penaltyNote).toContain('折抵');
    const terminated = await open('开远市某某食品店');
    await recordAction(m.sys, terminated, { version: 1, action: 'terminate', date: '2025-05-25' });
    expect(await codeOf(createReferral(m.sys, { ...report(), caseId: terminated }))).toBe(
      'enforcement.referral.caseTerminated@caseId',
    );
  });

  it('answers 404 for a referral or case outside the user scope, and 403 without the edit permission', async () => {
    const id = (await searchReferrals(m.sys, { caseId }, all)).items[0]?.id ?? '';
    const township = await userCtx(m.h, 'township');
    expect(await codeOf(getReferral(township, id))).toBe('enforcement.referral.notFound@');
    expect((await searchReferrals(township, {}, all)).total).toBe(0);
    expect(await codeOf(createReferral(township, report()))).toBe('enforcement.caseNotFound@');
    const leader = await userCtx(m.h, 'leader');
    expect((await getReferral(leader, id)).id).toBe(id);
    expect(await codeOf(createReferral(leader, report()))).toBe('auth.forbidden@');
    const scjg = await userCtx(m.h, 'scjg');
    expect((await searchReferrals(scjg, {}, all)).total).toBe(await count());
  });

  it('sorts the ledger by a whitelisted column and refuses an unknown one', async () => {
    const items = (await searchReferrals(m.sys, { sort: '-reportedOn' }, all)).items;
    expect(items.length).toBeGreaterThan(1);
    expect(await codeOf(searchReferrals(m.sys, { sort: 'facts' }, all))).toBe('validation@sort');
  });
});
