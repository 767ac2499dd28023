import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { testEngines } from '../../../test/db.js';
import { codeOf } from '../../../test/ctx.js';
import type { DemoOrgs } from '../../org/seed.js';
import { recordReviewAction } from '../review/service.js';
import { DEFAULT_SETTINGS, saveSettings } from '../settings.js';
import { documentStep } from '../steps.js';
import { countyFigures, sysCtx, userCtx, withOrgs } from '../test-fixtures.js';
import { adviserWork, createAdviser, recordWork, searchAdvisers } from '../advisers/service.js';
import {
  createCleanup,
  createDocument,
  getDocument,
  recordCleanupResult,
  searchDocuments,
} from './service.js';

const page = { offset: 0, limit: 100 };

describe.each(testEngines())('规范性文件 lifecycle and 法律顾问 on $name', (engine) => {
  let h: DatabaseHandle;
  let sys: Ctx;
  let orgs: DemoOrgs;
  let adviserId: string;

  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    sys = sysCtx(h);
    await saveSettings(sys, {
      ...DEFAULT_SETTINGS,
      regionCode: '532502',
      numberAbbr: '开政',
      villageCount: 80,
    });
    adviserId = (
      await createAdviser(sys, {
        kind: 'adviser',
        name: '周立新',
        firm: '云南滇南律师事务所',
        orgId: orgs.rootId,
        appointedBy: 'government',
        contractFrom: '2025-01-01',
        contractTo: '2026-12-31',
        fields: ['行政法'],
      })
    ).id;
  });
  afterAll(() => h.close());

  /** A draft through comment and a passed review, ready for 集体审议. */
  async function reviewed(title: string, conclusion = 'lawful') {
    let d = await createDocument(sys, {
      title,
      orgId: orgs.rootId,
      draftedOn: '2025-04-01',
      body: '第一条 为了规范……',
    });
    d = await documentStep(sys, d, {
      action: 'openComment',
      date: '2025-04-02',
      commentFrom: '2025-04-02',
      commentTo: '2025-04-14',
    });
    d = await documentStep(sys, d, {
      action: 'submitReview',
      date: '2025-04-20',
      reviewers: [{ kind: 'adviser', name: '周立新', adviserId }],
    });
    const review = await recordReviewAction(sys, d.reviewId as string, {
      action: 'conclude',
      date: '2025-04-25',
      version: 1,
      conclusion,
      opinions: conclusion === 'lawful' ? [] : ['第六条无上位法依据'],
    });
    expect(review.conclusion).toBe(conclusion);
    return getDocument(sys, d.id);
  }

  /** A reviewed draft through 集体审议, ready for 统一编号公布. */
  const deliberated = async (title: string, meeting = '常务会议') =>
    documentStep(sys, await reviewed(title), { action: 'deliberate', date: '2025-05-06', meeting });

  it('runs 起草 → 征求意见 → 审核 → 审议 → 统一编号公布 → 备案 with gates and a system number', async () => {
    let d = await reviewed('开远市城市养犬管理办法');
    expect(d.gates.map((g) => [g.step, g.done])).toEqual([
      ['公开征求意见', true],
      ['合法性审核', true],
      ['集体审议', false],
      ['统一编号公布', false],
      ['报送备案', false],
    ]);
    d = await documentStep(sys, d, {
      action: 'deliberate',
      date: '2025-05-06',
      meeting: '市人民政府第12次常务会议',
    });
    d = await documentStep(sys, d, { action: 'publish', date: '2025-05-10' });
    expect(d).toMatchObject({
      status: 'published',
      docNumber: '开政规〔2025〕1号',
      effectiveOn: '2025-06-09',
      validUntil: '2030-06-08',
      filingStateLabel: '逾期未报备',
    });
    d = await documentStep(sys, d, {
      action: 'file',
      date: '2025-06-16',
      late: true,
      reason: '报备材料退回补正',
      receipt: '红政备〔2025〕8号',
    });
    expect(d).toMatchObject({ filingStateLabel: '逾期报备', filedOn: '2025-06-16' });
    d = await documentStep(sys, d, { action: 'filingOutcome', date: '2025-06-16', outcome: 'accepted' });
    expect(d.filingOutcomeLabel).toBe('予以备案');
    const s2 = await deliberated('开远市城区临时占道管理规定', '第12次常务会议');
    const p2 = await documentStep(sys, s2, { action: 'publish', date: '2025-05-12' });
    expect(p2.docNumber).toBe('开政规〔2025〕2号');
    // the desk wrote the adviser's work log
    expect((await adviserWork(sys, adviserId)).map((w) => w.kindLabel)).toContain('审查规范性文件');
  });

  it('refuses 集体审议 and 公布 without a passed review, and late filing unmarked, writing nothing', async () => {
    const d = await reviewed('开远市农村建房管理办法', 'unlawful');
    expect(
      await codeOf(documentStep(sys, d, { action: 'deliberate', date: '2025-05-06', meeting: '常务会议' })),
    ).toBe('legality.document.reviewRequired@action');
    expect(await codeOf(documentStep(sys, d, { action: 'publish', date: '2025-05-06' }))).toBe(
      'legality.document.actionNotAllowed@action',
    );
    expect((await getDocument(sys, d.id)).version).toBe(d.version);

    const del = await deliberated('开远市公共租赁住房管理办法');
    const pub = await documentStep(sys, del, { action: 'publish', date: '2025-05-06' });
    expect(await codeOf(documentStep(sys, pub, { action: 'file', date: '2025-06-16' }))).toBe(
      'legality.document.filingLate@late',
    );
    expect((await getDocument(sys, pub.id)).filedOn).toBeNull();
  });

  it('counts 报备率 and 报备及时率 over the documents published in the period, filed by its end', async () => {
    // the quarter after the suite's today: its acts are entered on 2025-10-10
    const later = sysCtx(h, new Date('2025-10-10T02:00:00Z'));
    const published = async (title: string, date: string) =>
      documentStep(later, await deliberated(title), { action: 'publish', date });
    const filedLate = (d: { id: string; version: number }, date: string, reason: string) =>
      documentStep(later, d, { action: 'file', date, late: true, reason });
    const onTime = await published('开远市户外广告设置管理办法', '2025-07-01');
    await documentStep(later, onTime, { action: 'file', date: '2025-07-10' });
    await filedLate(
      await published('开远市城市绿化管理办法', '2025-07-02'),
      '2025-08-20',
      '报备材料退回补正',
    );
    // filed, but after the period: not filed as of its end
    await filedLate(await published('开远市农贸市场管理办法', '2025-07-03'), '2025-10-05', '漏报后补报');
    await published('开远市停车场管理办法', '2025-07-04');

    const figure = await countyFigures(h, orgs.rootId, {
      from: '2025-07-01',
      to: '2025-09-30',
      today: '2025-10-10',
    });
    expect(await figure('legality.documents.filingRate')).toBe(50);
    expect(await figure('legality.documents.filingOnTimeRate')).toBe(25);
  });

  it('refuses a comment period under 7 working days without a reason (示范指标 item 24)', async () => {
    const d = await createDocument(sys, {
      title: '开远市数据共享办法',
      orgId: orgs.rootId,
      draftedOn: '2025-06-01',
    });
    expect(
      await codeOf(
        documentStep(sys, d, {
          action: 'openComment',
          date: '2025-06-09',
          commentFrom: '2025-06-09',
          commentTo: '2025-06-13',
        }),
      ),
    ).toBe('legality.document.commentTooShort@reason');
    expect((await getDocument(sys, d.id)).status).toBe('drafting');
  });

  it('never issues a number twice: a reset counter is refused with the rule named', async () => {
    const del = await deliberated('开远市户外广告设置管理办法');
    await sql`update legality_document_counter set last_seq = 0`.execute(h.db);
    expect(await codeOf(documentStep(sys, del, { action: 'publish', date: '2025-05-20' }))).toBe(
      'legality.document.numberTaken@docNumber',
    );
    const after = await getDocument(sys, del.id);
    expect(after).toMatchObject({ status: 'deliberated', docNumber: null });
  });

  it('records 清理 outcomes: 废止 ends the document, 修改 marks it amended', async () => {
    const { items } = await searchDocuments(sys, { status: 'published' }, page);
    const [a, b] = items;
    const c = await createCleanup(sys, {
      name: '2025年度规范性文件集中清理',
      orgId: orgs.rootId,
      startedOn: '2025-06-01',
    });
    const decide = (
      documentId: string | undefined,
      outcome: string,
      reason: string,
      decidedOn = '2025-06-10',
    ) => recordCleanupResult(sys, c.id, { documentId, outcome, reason, decidedOn });
    expect(await decide(a?.id, 'repeal', '上位法已废止')).toMatchObject({
      status: 'repealed',
      publicStateLabel: '已失效',
    });
    expect(await decide(b?.id, 'amend', '与新修订的条例不一致')).toMatchObject({
      status: 'published',
      publicStateLabel: '已修改',
    });
    expect(await codeOf(decide(a?.id, 'keep', '继续有效', '2025-06-11'))).toBe(
      'legality.document.actionNotAllowed@action',
    );
  });

  it('answers 404 for documents and advisers outside the caller’s scope', async () => {
    const { items } = await searchDocuments(sys, {}, page);
    const township = await userCtx(h, 'township');
    expect(await codeOf(getDocument(township, items[0]?.id as string))).toBe('legality.document.notFound@');
    expect(
      await codeOf(
        recordWork(township, adviserId, { kind: 'training', occurredOn: '2025-06-01', title: '讲座' }),
      ),
    ).toBe('legality.adviser.notFound@');
    expect((await searchAdvisers(township, {}, page)).total).toBe(0);
  });

  it('keeps the registry honest: 公职律师 need a certificate, desk kinds are not entered by hand', async () => {
    expect(
      await codeOf(
        createAdviser(sys, {
          kind: 'governmentLawyer',
          name: '李娟',
          orgId: orgs.rootId,
          appointedBy: 'department',
        }),
      ),
    ).toBe('validation@certificateNo');
    expect(
      await codeOf(
        recordWork(sys, adviserId, { kind: 'documentReview', occurredOn: '2025-06-01', title: '审查' }),
      ),
    ).toBe('legality.adviser.deskKind@kind');
    await recordWork(sys, adviserId, {
      kind: 'training',
      occurredOn: '2025-06-01',
      title: '行政执法人员法治讲座',
      count: 2,
    });
    expect((await adviserWork(sys, adviserId)).find((w) => w.kind === 'training')).toMatchObject({
      count: 2,
      source: '手工登记',
    });
  });
});
