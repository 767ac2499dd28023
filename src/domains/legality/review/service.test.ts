import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { testEngines } from '../../../test/db.js';
import { codeOf } from '../../../test/ctx.js';
import type { DemoOrgs } from '../../org/seed.js';
import { DEFAULT_SETTINGS, saveSettings } from '../settings.js';
import { reviewStep } from '../steps.js';
import { sysCtx, userCtx, withOrgs } from '../test-fixtures.js';
import { answerOpinions, getReview, searchReviews, submitReview } from './service.js';

const page = { offset: 0, limit: 100 };

describe.each(testEngines())('合法性审查 desk on $name', (engine) => {
  let h: DatabaseHandle;
  let sys: Ctx;
  let orgs: DemoOrgs;
  const contract = (orgId: string, submittedOn = '2025-06-03') => ({
    kind: 'contract',
    title: '城区污水处理厂特许经营协议',
    orgId,
    submittedOn,
    materials: [{ name: '协议文本' }, { name: '起草说明' }],
  });

  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    sys = sysCtx(h);
  });
  afterAll(() => h.close());

  it('puts an item on the desk with the region’s clock (15 working days by default)', async () => {
    const r = await submitReview(sys, contract(orgs.departments.get('住建局') as string));
    expect(r).toMatchObject({
      status: 'reviewing',
      statusLabel: '审查中',
      dueOn: '2025-06-24',
      dueState: 'normal',
      periodWorkdays: 15,
    });
    expect(r.timeline.map((t) => t.actionLabel)).toEqual(['报送审查']);
  });

  it('takes the period a region sets, for reviews submitted after the change', async () => {
    await saveSettings(sys, {
      ...DEFAULT_SETTINGS,
      regionCode: '532502',
      reviewWorkdays: 10,
      extensionWorkdays: 5,
      numberFormat: '开政规〔{year}〕{seq}号',
      villageCount: 80,
    });
    const r = await submitReview(sys, contract(orgs.departments.get('住建局') as string, '2025-06-10'));
    expect(r).toMatchObject({ periodWorkdays: 10, dueOn: '2025-06-24' });
  });

  it('pauses for 补充材料, extends once, concludes with itemised opinions and takes the adoption answers', async () => {
    const orgId = orgs.departments.get('自然资源局') as string;
    let r = await submitReview(sys, {
      ...contract(orgId),
      kind: 'normativeDocument',
      title: '集体土地征收补偿安置办法',
    });
    r = await reviewStep(sys, r, {
      action: 'requestMaterials',
      date: '2025-06-05',
      reason: '缺少征求意见采纳情况',
    });
    expect(r).toMatchObject({
      status: 'awaitingMaterials',
      dueOn: null,
      dueState: 'paused',
      pausedSince: '2025-06-06',
    });
    r = await reviewStep(sys, r, { action: 'receiveMaterials', date: '2025-06-09' });
    expect(r.dueOn).toBe('2025-06-19'); // 10 working days, not counting 06-06 and 06-09
    r = await reviewStep(sys, r, { action: 'extend', date: '2025-06-10', reason: '涉及多部门,需征求意见' });
    expect(r.dueOn).toBe('2025-06-26'); // + the region's 5-day extension
    expect(
      await codeOf(reviewStep(sys, r, { action: 'extend', date: '2025-06-11', reason: '再次延长' })),
    ).toBe('legality.review.extendedOnce@action');
    r = await reviewStep(sys, r, {
      action: 'conclude',
      date: '2025-06-13',
      conclusion: 'lawfulAfterRevision',
      opinions: ['第五条补偿标准应与省级标准一致', '第十二条增设的罚款无上位法依据,应删除'],
    });
    expect(r).toMatchObject({
      status: 'concluded',
      conclusionLabel: '修改后合法',
      dueState: 'onTime',
      opinionCount: 2,
    });
    const [o1, o2] = r.opinions;
    expect(
      await codeOf(
        answerOpinions(sys, r.id, {
          date: '2025-06-16',
          version: r.version,
          answers: [
            { opinionId: o1?.id, adoption: 'adopted' },
            { opinionId: o2?.id, adoption: 'notAdopted' },
          ],
        }),
      ),
    ).toBe('legality.review.adoptionReason@answers.1.reason');
    r = await answerOpinions(sys, r.id, {
      date: '2025-06-16',
      version: r.version,
      answers: [
        { opinionId: o1?.id, adoption: 'adopted' },
        { opinionId: o2?.id, adoption: 'partlyAdopted', reason: '改为警告' },
      ],
    });
    expect(r.status).toBe('answered');
    expect(r.opinions.map((o) => o.adoptionLabel)).toEqual(['采纳', '部分采纳']);
  });

  it('lists the 临期 and 逾期 queue by the stored clock', async () => {
    await submitReview(sys, contract(orgs.departments.get('教体局') as string, '2025-05-06'));
    const soonOne = await submitReview(sys, contract(orgs.departments.get('教体局') as string, '2025-06-03'));
    expect(soonOne).toMatchObject({ dueOn: '2025-06-17', dueStateLabel: '临期' });
    const overdue = await searchReviews(sys, { due: 'overdue' }, page);
    expect(overdue.items.map((i) => i.dueStateLabel)).toEqual(overdue.items.map(() => '逾期'));
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    const soon = await searchReviews(sys, { due: 'dueSoon' }, page);
    expect(soon.items.length).toBeGreaterThanOrEqual(1);
    expect(soon.items.every((i) => i.dueState === 'dueSoon')).toBe(true);
  });

  it.each([
    ['an empty title', { title: '' }, 'validation@title'],
    ['no materials', { materials: [] }, 'validation@materials'],
    ['a title with a control character', { title: '协议\u0000' }, 'validation@title'],
    ['a date in the future', { submittedOn: '2025-07-01' }, 'legality.review.futureDate@submittedOn'],
    ['an unknown kind', { kind: 'poem' }, 'validation@kind'],
  ])('refuses %s and writes nothing', async (_n, patch, code) => {
    const before = (await searchReviews(sys, {}, page)).total;
    expect(
      await codeOf(submitReview(sys, { ...contract(orgs.departments.get('住建局') as string), ...patch })),
    ).toBe(code);
    expect((await searchReviews(sys, {}, page)).total).toBe(before);
  });

  it('answers 404 for a review outside the caller’s scope', async () => {
    const r = await submitReview(sys, contract(orgs.departments.get('住建局') as string));
    const township = await userCtx(h, 'township');
    expect(await codeOf(getReview(township, r.id))).toBe('legality.review.notFound@');
    expect(
      await codeOf(reviewStep(township, r, { action: 'conclude', date: '2025-06-10', conclusion: 'lawful' })),
    ).toBe('legality.review.notFound@');
  });
});
