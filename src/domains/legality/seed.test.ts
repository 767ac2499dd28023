import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import seedFactMap from '../../report/seed-fact-map.json' with { type: 'json' };
import { testEngines } from '../../test/db.js';
import { searchReviews } from './review/service.js';
import { seedLegality } from './seed.js';
import { countyFigures, sysCtx, withOrgs } from './test-fixtures.js';

describe.each(testEngines())('legality demo and figures on $name', (engine) => {
  let h: DatabaseHandle;
  let figure: (id: string) => Promise<number | null>;

  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    figure = await countyFigures(h, orgs.rootId, { from: '2024-01-01', to: '2024-12-31' });
    await seedLegality(sysCtx(h), { year: 2024, today: '2025-06-16', log: () => {}, scale: 0.1 });
  }, 600_000);
  afterAll(() => h.close());

  it('computes every figure the seed-fact map points here from the demo records', async () => {
    const ids = [
      ...new Set(seedFactMap.filter((m) => m.registryId.startsWith('legality.')).map((m) => m.registryId)),
    ];
    expect(ids.length).toBeGreaterThan(25);
    const empty: string[] = [];
    for (const id of ids) {
      const v = await figure(id);
      if (v === null || v <= 0) empty.push(`${id}=${v}`);
    }
    expect(empty).toEqual([]);
  });

  it('adds up what the desk did: agenda items, opinions, full coverage, pass and on-time rates', async () => {
    expect(await figure('legality.reviews.agendaItems')).toBe(10);
    expect(await figure('legality.reviews.powersListItems')).toBe(20);
    expect(await figure('legality.advisers.coverageRate')).toBe(100);
    expect(await figure('legality.reviews.passRate')).toBe(100);
    expect(await figure('legality.reviews.onTimeRate')).toBe(100);
    expect(await figure('legality.advisers.governmentAdvisers')).toBe(4);
  });

  it('leaves a queue with 临期 and 逾期 items today', async () => {
    const ctx = sysCtx(h);
    expect((await searchReviews(ctx, { due: 'overdue' }, { offset: 0, limit: 50 })).total).toBeGreaterThan(0);
    expect((await searchReviews(ctx, { due: 'dueSoon' }, { offset: 0, limit: 50 })).total).toBeGreaterThan(0);
  });
});
