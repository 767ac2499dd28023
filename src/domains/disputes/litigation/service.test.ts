import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileStore, storeAttachment } from '../../../platform/files/index.js';
import { SAMPLES } from '../../../platform/files/test-samples.js';
import { testEngines } from '../../../test/db.js';
import { databaseSetup } from '../../../test/suite.js';
import { codeOf } from '../../../test/ctx.js';
import { createReconsideration, recordReconAction } from '../reconsideration/service.js';
import { createSuggestion, replySuggestion, searchSuggestions } from '../suggestions/service.js';
import { ctxAt, orgId, withOrgs } from '../test/fixtures.js';
import {
  addHearing,
  appealLawsuit,
  concludeLawsuit,
  createLawsuit,
  getLawsuit,
  searchHearings,
} from './service.js';

const all = { offset: 0, limit: 200 };

describe.each(testEngines())('行政应诉 and 检察建议 on $name', (engine) => {
  const suit = (over: Record<string, unknown> = {}) => ({
    defendantOrgId: t.scjg,
    court: '开远市人民法院',
    courtCaseNo: '(2025)云2502行初12号',
    plaintiff: '开远市某某商贸有限公司',
    contestedAct: '开市监罚〔2025〕31号行政处罚决定',
    filedOn: '2025-03-03',
    claims: '请求撤销被告作出的行政处罚决定',
    ...over,
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disputes-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const t = databaseSetup(engine, async (h) => {
    await withOrgs(h);
    const stored = await storeAttachment(h.db, new LocalFileStore(dir), {
      bytes: SAMPLES.pdf,
      originalName: '情况说明.pdf',
      createdBy: null,
    });
    return {
      sys: ctxAt(h, new Date('2025-12-01T02:00:00Z')),
      scjg: await orgId(h, '市场监督管理局'),
      gov: await orgId(h, '人民政府'),
      proof: stored.sha256,
    };
  });

  it('registers a suit, its hearings and who appeared; a staff member needs an excuse with proof (规定 第二条、第八条、第九条)', async () => {
    let s = await createLawsuit(t.sys, suit());
    const hearing = (over: Record<string, unknown>) =>
      addHearing(t.sys, s.id, {
        version: s.version,
        summonsServedOn: '2025-04-01',
        hearingOn: '2025-04-10',
        appearerName: '刘国庆',
        appearerTitle: '副局长',
        appearerRole: 'deputyInCharge',
        ...over,
      });
    expect(
      await codeOf(hearing({ appearerName: '陈晓', appearerTitle: '法规股股长', appearerRole: 'staff' })),
    ).toBe('disputes.litigation.excuseRequired@excuse');
    expect(await codeOf(hearing({ appearerRole: 'subordinateHead', appearerTitle: '市场监管所所长' }))).toBe(
      'disputes.litigation.excuseRequired@excuse',
    );
    expect((await getLawsuit(t.sys, s.id)).hearingList).toEqual([]);
    s = await hearing({});
    s = await hearing({
      hearingOn: '2025-05-12',
      summonsServedOn: '2025-05-10',
      appearerName: '陈晓',
      appearerTitle: '法规股股长',
      appearerRole: 'staff',
      excuse: { ground: 'irreplaceableDuty', note: '局长参加全省食品安全工作会议', proofSha256: t.proof },
    });
    expect(s.hearingList.map((x) => [x.appearerRoleLabel, x.countsAsHead, x.summonsLate])).toEqual([
      ['参与分管被诉行为的副职级负责人', true, false],
      ['工作人员', false, true],
    ]);
    expect((await searchHearings(t.sys, {}, all)).items).toHaveLength(2);
  });

  it('concludes and appeals within 15 days, opening the 二审 instance; a late appeal is refused (第八十五条)', async () => {
    let s = await createLawsuit(t.sys, suit({ courtCaseNo: '(2025)云2502行初13号' }));
    s = await concludeLawsuit(t.sys, s.id, {
      version: s.version,
      outcome: 'dismissClaim',
      concludedOn: '2025-05-20',
      servedOn: '2025-05-22',
    });
    expect(s).toMatchObject({
      status: 'concluded',
      outcomeLabel: '判决驳回诉讼请求',
      lost: false,
      appealDueOn: '2025-06-06',
    });
    expect(
      await codeOf(
        appealLawsuit(t.sys, s.id, {
          version: s.version,
          appellant: 'plaintiff',
          filedOn: '2025-06-09',
          court: '红河州中级人民法院',
          courtCaseNo: '(2025)云25行终8号',
        }),
      ),
    ).toBe('disputes.litigation.appealLate@filedOn');
    const second = await appealLawsuit(t.sys, s.id, {
      version: s.version,
      appellant: 'plaintiff',
      filedOn: '2025-06-05',
      court: '红河州中级人民法院',
      courtCaseNo: '(2025)云25行终8号',
    });
    expect(second).toMatchObject({ instanceLabel: '二审', parentId: s.id, status: 'pending' });
    expect(await getLawsuit(t.sys, s.id)).toMatchObject({ status: 'appealed', appealedBy: 'plaintiff' });
  });

  it('makes the 复议机关 a co-defendant when it upheld the act (行政诉讼法 第二十六条第二款)', async () => {
    let r = await createReconsideration(t.sys, {
      channel: 'inPerson',
      receivedOn: '2025-02-03',
      respondentOrgId: t.scjg,
      applicantKind: 'organisation',
      applicantName: '开远市某某商贸有限公司',
      act: {
        title: '行政处罚决定书',
        kind: 'penalty',
        knownOn: '2025-01-20',
        penaltyTypes: ['fine'],
        amount: 20000,
      },
      request: '撤销行政处罚决定',
      reasons: '认定事实不清。',
    });
    for (const [action, date, data] of [
      ['accept', '2025-02-05', { procedure: 'ordinary' }],
      ['decide', '2025-03-20', { outcome: 'uphold', documentNo: '行复〔2025〕5号' }],
      ['serve', '2025-03-21', {}],
    ] as const)
      r = await recordReconAction(t.sys, r.id, { version: r.version, action, date, data });
    expect(
      await codeOf(
        createLawsuit(
          t.sys,
          suit({ courtCaseNo: '(2025)云2502行初20号', reconsiderationId: r.id, filedOn: '2025-04-01' }),
        ),
      ),
    ).toBe('disputes.litigation.coDefendantRequired@coDefendantOrgId');
    const s = await createLawsuit(
      t.sys,
      suit({
        courtCaseNo: '(2025)云2502行初20号',
        reconsiderationId: r.id,
        coDefendantOrgId: t.gov,
        filedOn: '2025-04-08',
      }),
    );
    expect(s).toMatchObject({ coDefendantName: '开远市人民政府', suitDueOn: '2025-04-07', lateSuit: true });
  });

  it('registers 检察建议 with the 2-month / 15-day reply due and records the reply on time or late', async () => {
    const base = {
      kind: 'publicInterest',
      orgId: t.scjg,
      issuer: '开远市人民检察院',
      issuedOn: '2025-03-05',
      receivedOn: '2025-03-10',
      summary: '督促依法履行食品安全监管职责',
    };
    const a = await createSuggestion(t.sys, { ...base, documentNo: '开检行公建〔2025〕3号' });
    expect(a).toMatchObject({ dueOn: '2025-05-12', status: 'pending', dueState: 'overdue' });
    const b = await createSuggestion(t.sys, { ...base, documentNo: '开检行公建〔2025〕4号', urgent: true });
    expect(b.dueOn).toBe('2025-03-25');
    expect(
      await codeOf(createSuggestion(t.sys, { ...base, documentNo: 'x', kind: 'judicial', urgent: true })),
    ).toBe('disputes.suggestion.urgentKind@urgent');
    expect(
      await codeOf(createSuggestion(t.sys, { ...base, documentNo: 'y', receivedOn: '2025-03-01' })),
    ).toBe('disputes.suggestion.receivedBeforeIssued@receivedOn');
    const replied = await replySuggestion(t.sys, a.id, {
      version: a.version,
      repliedOn: '2025-05-08',
      reply: '已开展专项整治并书面回复',
    });
    expect(replied).toMatchObject({ status: 'answered', dueState: 'onTime' });
    expect((await searchSuggestions(t.sys, { due: 'overdue' }, all)).items.map((x) => x.documentNo)).toEqual([
      '开检行公建〔2025〕4号',
    ]);
  });
});
