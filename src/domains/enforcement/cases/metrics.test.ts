import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import type { MetricQuery } from '../../../platform/metrics/types.js';
import { testEngines } from '../../../test/db.js';
import { createCases } from './service.js';
import { enforcementMetrics } from '../metrics.js';
import { searchBodies, searchOfficers } from '../officers/service.js';
import { publishPublications } from '../publications/service.js';
import { seedOfficers } from '../officers/seed.js';
import { ctxAt, TODAY, withOrgs } from '../test/fixtures.js';
import { metricIn } from '../../../test/metrics.js';

const all = { offset: 0, limit: 1000 };
const metric = metricIn(enforcementMetrics);

describe.each(testEngines())('metrics of every case category on $name', (engine) => {
  let h: DatabaseHandle;
  let q: MetricQuery;
  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    const ctx = ctxAt(h);
    await seedOfficers(ctx, TODAY);
    const orgId = orgs.departments.get('市场监管局') ?? '';
    const bodyId = (await searchBodies(ctx, { orgId }, all)).items[0]?.id ?? '';
    const officers = (await searchOfficers(ctx, { bodyId, certificateState: 'valid' }, all)).items;
    const party = {
      bodyId,
      partyKind: 'organisation',
      partyName: '开远市某某超市',
      facts: '依法办理',
      handlerIds: [officers[0]?.id, officers[1]?.id],
    };
    const a = (action: string, date: string, data: object = {}) =>
      ({ action, date, data, actorId: null }) as never;
    const license = (openedOn: string, decision: 'grant' | 'refuse', on: string) => ({
      kind: 'open' as const,
      input: { ...party, category: 'license', openedOn },
      actions: [a('accept', openedOn), a(decision, on)],
    });
    await createCases(ctx, [
      license('2025-02-03', 'grant', '2025-02-10'),
      license('2025-03-03', 'grant', '2025-03-10'),
      license('2025-03-03', 'refuse', '2025-03-12'),
      license('2024-12-02', 'grant', '2024-12-09'),
      {
        kind: 'open',
        input: { ...party, category: 'coercion', openedOn: '2025-04-01' },
        actions: [a('seize', '2025-04-01'), a('dispose', '2025-04-20', { disposal: 'confiscate' })],
      },
      {
        kind: 'open',
        input: { ...party, category: 'coercion', openedOn: '2025-05-06' },
        actions: [a('seize', '2025-05-06')],
      },
      {
        kind: 'open',
        input: { ...party, category: 'levy', openedOn: '2025-04-01' },
        actions: [a('decide', '2025-04-07', { amount: 5000 })],
      },
      {
        kind: 'open',
        input: { ...party, category: 'penalty', openedOn: '2025-04-01' },
        actions: [
          a('notify', '2025-04-07', { sanction: { penalties: ['fine'], amount: 2000 } }),
          a('decide', '2025-04-20', { sanction: { penalties: ['fine'], amount: 2000 } }),
        ],
      },
    ]);
    // of the 2025 decisions: two published in time, one late, the rest still pending past their due day
    const pubs = await h.db
      .selectFrom('enforcement_publication')
      .select(['id', 'decided_on', 'due_on'])
      .where('decided_on', '>=', '2025-01-01')
      .orderBy('decided_on')
      .execute();
    const [p1, p2, p3] = pubs;
    await publishPublications(ctx, [
      { id: p1?.id ?? '', date: p1?.decided_on ?? '' },
      { id: p2?.id ?? '', date: p2?.due_on ?? '' },
      { id: p3?.id ?? '', date: '2025-06-13' },
    ]);
    q = { scope: ALL_SCOPE, orgId, orgIds: [orgId], from: '2025-01-01', to: TODAY };
  });
  afterAll(() => h.close());

  it.each([
    ['enforcement.cases.opened', 7],
    ['enforcement.cases.decided', 6],
    ['enforcement.license.granted', 2],
    ['enforcement.license.refused', 1],
    ['enforcement.coercion.measures', 2],
    ['enforcement.coercion.confiscated', 1],
    ['enforcement.penalty.decided', 1],
    ['enforcement.penalty.fines', 0.2],
  ])('%s = %s in 2025 (the 2024 license is outside the period)', async (id, value) => {
    expect((await metric(id).compute(h.db, q)).value).toBe(value);
  });

  it('公示及时率: published by the due day over the publications due in the period, drillable', async () => {
    const m = await metric('enforcement.publication.timelyRate').compute(h.db, q);
    // six decisions in 2025, all due by today: two on time
    expect(m.value).toBe(33.3);
    // the drill-down lists the numerator (published on time) and the denominator (all due)
    const records = await m.records();
    expect(records.filter((r) => r.part === 'denominator')).toHaveLength(6);
    expect(records.filter((r) => r.part === 'numerator').map((r) => r.label)).toEqual([
      expect.stringContaining('按期公示'),
      expect.stringContaining('按期公示'),
    ]);
  });

  it('every metric has a Chinese definition', () => {
    for (const m of enforcementMetrics) expect(m.definition, m.id).toMatch(/[\u4e00-\u9fa5]/);
  });
});
