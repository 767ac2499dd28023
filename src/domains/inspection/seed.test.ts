import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { MetricQuery } from '../../platform/metrics/types.js';
import { testEngines } from '../../test/db.js';
import { metricValue, wholeTreeYear } from '../../test/year-figures.js';
import { seedOfficers } from '../enforcement/officers/seed.js';
import type { DemoOrgs } from '../org/seed.js';
import { drawVerifyCommand } from './cli.js';
import { listDraws } from './draw-service.js';
import { inspectionMetrics } from './metrics.js';
import { seedInspection } from './seed.js';
import { openWithOrgs } from './test-fixtures.js';

describe.each(testEngines())('inspection demo seed and figures on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let q: MetricQuery;
  const value = (id: string) => metricValue(inspectionMetrics, id, h.db, q);

  beforeAll(async () => {
    let orgs: DemoOrgs;
    ({ h, ctx, orgs } = await openWithOrgs(engine, new Date('2026-11-23T04:00:00Z')));
    // the inspector registry comes from the enforcement officers (a problem result opens a case)
    await seedOfficers(ctx, '2026-11-23');
    await seedInspection(ctx, { year: 2025, today: '2026-11-23', log: () => {} });
    q = await wholeTreeYear(h.db, orgs.rootId, 2025, ALL_SCOPE);
  }, 180_000);
  afterAll(() => h.close());

  it('builds a year of department and joint plans with draws that verify', async () => {
    expect(await value('inspection.plans')).toBe(18);
    expect(await value('inspection.plans.joint')).toBe(8);
    expect(await value('inspection.plans.jointShare')).toBe(44.4);
    expect(await value('inspection.tasks')).toBe(38);
    const draws = await listDraws(h.db, ALL_SCOPE, {}, { offset: 0, limit: 1000 });
    expect(draws.total).toBeGreaterThanOrEqual(70);
    for (const d of draws.items.filter((x) => x.status === 'drawn').slice(0, 3)) {
      expect((await drawVerifyCommand(h.db, d.id)).exitCode).toBe(0);
    }
  });

  it('figures: inspectees drawn, coverage, problem rate, publication timeliness', async () => {
    const drawn = (await value('inspection.targets')) ?? 0;
    expect(drawn).toBeGreaterThan(500);
    const coverage = (await value('inspection.coverage')) ?? 0;
    expect(coverage).toBeGreaterThan(5);
    const problems = (await value('inspection.problemRate')) ?? 0;
    expect(problems).toBeGreaterThan(10);
    expect(problems).toBeLessThan(40);
    // every 发现问题 result opened its case (立案) in the batch that recorded it; no other result did
    const linked = await h.db
      .selectFrom('inspection_target as g')
      .leftJoin('enforcement_case as c', 'c.id', 'g.case_id')
      .select(['g.result', 'g.case_id', 'c.party_name', 'c.status'])
      .where('g.result', 'is not', null)
      .execute();
    const problemKeys = new Set([
      'problemCorrected',
      'problemPending',
      'notPublicized',
      'unreachable',
      'uncooperative',
    ]);
    const withProblem = linked.filter((r) => problemKeys.has(r.result ?? ''));
    expect(withProblem.length).toBeGreaterThan(50);
    expect(withProblem.every((r) => r.case_id && r.party_name)).toBe(true);
    expect(linked.filter((r) => !problemKeys.has(r.result ?? '') && r.case_id)).toEqual([]);
    const timely = (await value('inspection.publication.timely')) ?? 0;
    expect(timely).toBeGreaterThan(40);
    expect(timely).toBeLessThan(100);
  });
});
