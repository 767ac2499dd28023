import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../platform/context.js';
import type { MetricQuery } from '../../platform/metrics/types.js';
import { testEngines } from '../../test/db.js';
import { createCases } from './cases/service.js';
import { caseBreakdown, enforcementMetrics } from './metrics.js';
import { searchOfficers } from './officers/service.js';
import { marketCase, marketSetup, TODAY } from './test/fixtures.js';
import { metricIn } from '../../test/metrics.js';

const all = { offset: 0, limit: 1000 };
const metric = metricIn(enforcementMetrics);

describe.each(testEngines())('enforcement metrics on $name', (engine) => {
  const m = marketSetup(engine);
  let q: MetricQuery;
  beforeAll(async () => {
    const ctx = m.sys;
    const orgId = m.orgs.departments.get('市场监管局') ?? '';
    const reviewer = await m.h.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'fzsh')
      .executeTakeFirstOrThrow();
    const party = marketCase(m, { partyName: '开远市某某超市', facts: '销售过期食品' });
    const fine = (amount: number) => ({ penalties: ['fine'], amount });
    const a = (action: string, date: string, data: object = {}, actorId: string | null = null) =>
      ({ action, date, data, actorId }) as never;
    await createCases(ctx, [
      {
        kind: 'onTheSpot',
        input: {
          ...party,
          partyKind: 'person',
          partyName: '王某',
          decidedOn: '2025-03-01',
          sanction: fine(200),
        },
      },
      {
        kind: 'open',
        input: { ...party, openedOn: '2025-02-01' },
        actions: [
          a('notify', '2025-02-20', { sanction: fine(5000) }),
          a('decide', '2025-03-10', { sanction: fine(5000) }),
        ],
      },
      {
        kind: 'open',
        input: { ...party, openedOn: '2025-02-01' },
        actions: [
          a('notify', '2025-02-20', { sanction: fine(150_000) }),
          a('submitReview', '2025-03-20'),
          a('passReview', '2025-03-25', {}, reviewer.id),
          a('decide', '2025-04-01', { sanction: fine(150_000) }),
        ],
      },
      { kind: 'open', input: { ...party, openedOn: '2025-02-01' }, actions: [a('terminate', '2025-03-05')] },
      {
        kind: 'open',
        input: { ...party, openedOn: '2024-11-01' },
        actions: [
          a('notify', '2024-11-10', { sanction: fine(1000) }),
          a('decide', '2024-12-01', { sanction: fine(1000) }),
        ],
      },
    ]);
    q = { scope: ALL_SCOPE, orgId, orgIds: [orgId], from: '2025-01-01', to: TODAY };
  });

  it('counts decisions, fines and reviews in the period only', async () => {
    expect((await metric('enforcement.penalty.decided').compute(m.h.db, q)).value).toBe(3);
    expect((await metric('enforcement.penalty.fines').compute(m.h.db, q)).value).toBe(15.52);
    expect((await metric('enforcement.legalReview.count').compute(m.h.db, q)).value).toBe(1);
    expect((await metric('enforcement.legalReview.rate').compute(m.h.db, q)).value).toBe(100);
    const records = await (await metric('enforcement.penalty.decided').compute(m.h.db, q)).records();
    expect(records.map((r) => r.date)).toEqual(['2025-03-01', '2025-03-10', '2025-04-01']);
  });

  it('answers "no data" (null), not 0 %, where no major case was decided', async () => {
    const other = m.orgs.departments.get('林草局') ?? '';
    expect(
      (await metric('enforcement.legalReview.rate').compute(m.h.db, { ...q, orgId: other, orgIds: [other] }))
        .value,
    ).toBeNull();
  });

  it('breaks cases down by procedure and outcome', async () => {
    expect(await caseBreakdown(m.h.db, q)).toEqual([
      { category: 'penalty', procedure: 'ordinary', outcome: 'decided', count: 2, amount: 155_000 },
      { category: 'penalty', procedure: 'ordinary', outcome: 'terminated', count: 1, amount: 0 },
      { category: 'penalty', procedure: 'summary', outcome: 'decided', count: 1, amount: 200 },
    ]);
  });

  it('gives the certified share of active officers on the last day of the period', async () => {
    const officers = (await searchOfficers(m.sys, { orgId: q.orgId, active: true }, all)).items;
    const ok = officers.filter((o) =>
      ['valid', 'expiring90', 'expiring30'].includes(o.certificateState),
    ).length;
    const value = (await metric('enforcement.officers.certifiedRate').compute(m.h.db, q)).value;
    expect(value).toBe(Math.round((ok / officers.length) * 1000) / 10);
    expect(value).toBeLessThan(100);
  });
});
