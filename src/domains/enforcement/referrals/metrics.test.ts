import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../../platform/context.js';
import type { MetricQuery } from '../../../platform/metrics/types.js';
import { testEngines } from '../../../test/db.js';
import { referralMetrics } from './metrics.js';
import { recordReferralAction } from './service.js';
import { marketSetup, userCtx } from '../test/fixtures.js';
import { reportFakeGoods } from '../test/referral-fixtures.js';
import { metricIn } from '../../../test/metrics.js';

const metric = metricIn(referralMetrics);

describe.each(testEngines())('两法衔接 metrics on $name', (engine) => {
  const m = marketSetup(engine);
  let q: MetricQuery;
  beforeAll(async () => {
    const { sys: ctx, bodyId } = m;
    const orgId = m.orgs.departments.get('市场监管局') ?? '';
    const team = { bodyId, handlerIds: m.certified.slice(0, 2) };
    const refer = async (partyName: string, acts: Record<string, unknown>[]) => {
      let r = await reportFakeGoods(ctx, team, {
        partyName,
        openedOn: '2025-05-06',
        reportedOn: '2025-06-02',
        evidence: '检验报告',
      });
      for (const a of acts) r = await recordReferralAction(ctx, r.id, { version: r.version, ...a });
      return r;
    };
    const approve = { action: 'approve', at: '2025-06-03T09:00:00+08:00', data: { approverName: '李强' } };
    const hand = (at: string) => ({
      action: 'handOver',
      at,
      data: { policeOrg: '开远市公安局', documentNo: '移1' },
    });
    const accept = { action: 'accept', date: '2025-06-04' };
    await refer('开远市甲商行', [
      approve,
      hand('2025-06-03T11:00:00+08:00'),
      accept,
      { action: 'file', date: '2025-06-05', data: { documentNo: '立1' } },
    ]);
    await refer('开远市乙商行', [
      approve,
      hand('2025-06-04T15:00:00+08:00'),
      accept,
      { action: 'decline', date: '2025-06-06', data: { reason: '未达追诉标准', documentNo: '不1' } },
    ]);
    await refer('开远市丙商行', []);
    q = { scope: ALL_SCOPE, orgId, orgIds: [orgId], from: '2025-06-01', to: '2025-06-30' };
  });

  it.each([
    ['enforcement.referral.referred', 2],
    ['enforcement.referral.filed', 1],
    ['enforcement.referral.declined', 1],
    // one handed over after 2 hours, one after 30 hours (第五条: 24 小时内)
    ['enforcement.referral.timelyRate', 50],
  ])('%s = %s for June', async (id, value) => {
    expect((await metric(id).compute(m.h.db, q)).value).toBe(value);
  });

  it('drills down to the referrals behind the figure', async () => {
    const recs = await (await metric('enforcement.referral.timelyRate').compute(m.h.db, q)).records();
    // the rate's parts: the referral handed over within 24 hours, then every referral handed over
    expect(recs.map((r) => [r.part, r.label])).toEqual([
      ['numerator', expect.stringMatching(/开远市甲商行.*批准后 2 小时移送$/)],
      ['denominator', expect.stringMatching(/开远市甲商行.*批准后 2 小时移送$/)],
      ['denominator', expect.stringMatching(/开远市乙商行.*批准后 30 小时移送,超过 24 小时$/)],
    ]);
    expect(recs.map((r) => r.date)).toEqual(['2025-06-03', '2025-06-03', '2025-06-04']);
  });

  it('counts nothing outside the period, the subtree or the scope; a rate with no referrals is not 0', async () => {
    const may = { ...q, from: '2025-05-01', to: '2025-05-31' };
    expect((await metric('enforcement.referral.referred').compute(m.h.db, may)).value).toBe(0);
    expect((await metric('enforcement.referral.timelyRate').compute(m.h.db, may)).value).toBeNull();
    const other = m.orgs.departments.get('自然资源局') ?? '';
    expect(
      (await metric('enforcement.referral.referred').compute(m.h.db, { ...q, orgId: other, orgIds: [other] }))
        .value,
    ).toBe(0);
    const township = await userCtx(m.h, 'township');
    expect(
      (await metric('enforcement.referral.referred').compute(m.h.db, { ...q, scope: township.scope })).value,
    ).toBe(0);
  });
});
