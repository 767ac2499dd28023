import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCases, searchCases } from '../domains/enforcement/cases/service.js';
import { searchBodies, searchOfficers } from '../domains/enforcement/officers/service.js';
import { searchPublications } from '../domains/enforcement/publications/service.js';
import { seedOfficers } from '../domains/enforcement/officers/seed.js';
import { changeDataCallStatus, createDataCall } from './planning/data-call-service.js';
import { ctxAt, TODAY, withOrgs } from '../domains/enforcement/test/fixtures.js';
import type { DemoOrgs } from '../domains/org/seed.js';
import { addDays } from '../platform/calendar/index.js';
import type { Ctx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { testEngines } from '../test/db.js';
import { dashboard } from './dashboard.js';
import { computeFigures, loadRegistry, rootOrgId, yearPeriod } from './registry.js';

const all = { offset: 0, limit: 1000 };

/** A body of the org and two of its officers holding valid certificates, or null. */
async function handlers(ctx: Ctx, orgId: string) {
  for (const b of (await searchBodies(ctx, { orgId }, all)).items) {
    const ids = (await searchOfficers(ctx, { bodyId: b.id, certificateState: 'valid' }, all)).items.map(
      (o) => o.id,
    );
    if (ids.length >= 2) return { bodyId: b.id, handlerIds: ids.slice(0, 2) };
  }
  return null;
}

describe.each(testEngines())('dashboard on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  let ctx: Ctx;
  let root: string;
  let scjg: string;
  let other: { id: string; name: string };
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    ctx = ctxAt(h);
    await seedOfficers(ctx, TODAY);
    root = await rootOrgId(h.db);
    scjg = orgs.departments.get('市场监管局') ?? '';
    const main = await handlers(ctx, scjg);
    let second: { id: string; name: string; hs: NonNullable<Awaited<ReturnType<typeof handlers>>> } | null =
      null;
    for (const [name, id] of orgs.departments) {
      if (id === scjg) continue;
      const hs = await handlers(ctx, id);
      if (hs) {
        second = { id, name, hs };
        break;
      }
    }
    if (!main || !second) throw new Error('demo officers missing');
    other = { id: second.id, name: second.name };
    const party = (hs: typeof main) => ({
      ...hs,
      partyKind: 'organisation',
      partyName: '开远市某某商行',
      facts: '经营无证产品',
    });
    const fine = (amount: number) => ({ penalties: ['fine'], amount });
    const a = (action: string, date: string, data: object = {}) =>
      ({ action, date, data, actorId: null }) as never;
    const spot = (hs: typeof main, decidedOn: string, amount: number) => ({
      kind: 'onTheSpot' as const,
      input: { ...party(hs), partyKind: 'person', partyName: '李某', decidedOn, sanction: fine(amount) },
    });
    await createCases(ctx, [
      // 2025: two decisions at 市场监管局 (March), one at the second department (April)
      spot(main, '2025-03-01', 200),
      {
        kind: 'open',
        input: { ...party(main), openedOn: '2025-02-01' },
        actions: [
          a('notify', '2025-02-20', { sanction: fine(5000) }),
          a('decide', '2025-03-10', { sanction: fine(5000) }),
        ],
      },
      spot(second.hs, '2025-04-02', 100),
      // 2024: one decision
      spot(main, '2024-05-06', 150),
      // open cases: one past its 90-day decision limit, one within its last days
      { kind: 'open', input: { ...party(main), openedOn: addDays(TODAY, -95) } },
      { kind: 'open', input: { ...party(main), openedOn: addDays(TODAY, -88) } },
    ]);
    // a data call both departments must answer within 3 days (临期 for each)
    const call = await createDataCall(ctx, {
      orgId: orgs.rootId,
      title: '2025年上半年法治数据',
      periodFrom: '2025-01-01',
      periodTo: '2025-06-30',
      deadline: addDays(TODAY, 3),
      targetOrgIds: [scjg, second.id],
      items: [{ metricId: 'rpt.litigation.cases' }],
    });
    await changeDataCallStatus(ctx, call.id, 'open', { version: call.version });
  });
  afterAll(() => h.close());

  it('shows key figures equal to the registry, with last year and the change', async () => {
    const d = await dashboard(ctx, { year: 2025, orgId: root });
    const registry = await loadRegistry(h.db);
    const ids = d.keyFigures.map((k) => k.metricId);
    expect(ids).toContain('enforcement.penalty.decided');
    expect(ids).toContain('inspection.coverage');
    const now = await computeFigures(ctx, registry, root, yearPeriod(2025), ids);
    const before = await computeFigures(ctx, registry, root, yearPeriod(2024), ids);
    expect(d.keyFigures.map((k) => k.value)).toEqual(now.map((f) => f.value));
    expect(d.keyFigures.map((k) => k.lastYear)).toEqual(before.map((f) => f.value));
    const decided = d.keyFigures.find((k) => k.metricId === 'enforcement.penalty.decided');
    expect(decided).toMatchObject({ name: '作出行政处罚决定', unit: '件', value: 3, lastYear: 1, change: 2 });
    const fines = d.keyFigures.find((k) => k.metricId === 'enforcement.penalty.fines');
    expect(fines).toMatchObject({ value: 0.53, lastYear: 0.02, change: 0.51 });
  });

  it('ranks the units directly under the county by cases decided', async () => {
    const d = await dashboard(ctx, { year: 2025, orgId: root });
    expect(d.ranking.metricId).toBe('enforcement.penalty.decided');
    const top = d.ranking.items.slice(0, 2).map((i) => [i.orgId, i.value]);
    expect(top).toEqual([
      [scjg, 2],
      [other.id, 1],
    ]);
    expect(d.ranking.items.every((i) => i.orgId !== root)).toBe(true);
    expect(d.ranking.items.length).toBeGreaterThan(10);
  });

  it('counts 临期 and 逾期 items as the domains’ own lists do', async () => {
    const d = await dashboard(ctx, { year: 2025, orgId: root });
    const row = (item: string) => d.due.find((x) => x.item === item);
    const cases = row('行政执法案件办理期限');
    const late = await searchCases(ctx, { due: 'overdue' }, all);
    const soon = await searchCases(ctx, { due: 'dueSoon' }, all);
    expect(late.total).toBeGreaterThanOrEqual(1);
    expect(soon.total).toBeGreaterThanOrEqual(1);
    expect(cases).toMatchObject({ overdue: late.total, dueSoon: soon.total, link: '/enforcement/cases' });
    const pubs = row('行政执法决定公示期限');
    expect(pubs).toMatchObject({
      overdue: (await searchPublications(ctx, { due: 'overdue' }, all)).total,
      dueSoon: (await searchPublications(ctx, { due: 'dueSoon' }, all)).total,
    });
    expect(row('抽查结果公示期限')).toMatchObject({ link: '/inspection/results' });
    expect(row('数据填报截止期限')).toMatchObject({ dueSoon: 2, overdue: 0, link: '/report/data-calls' });
    expect(row('年度报告公开期限')).toMatchObject({ dueSoon: 0, overdue: 0 });
  });

  it('narrows 临期/逾期 to the chosen unit', async () => {
    const d = await dashboard(ctx, { year: 2025, orgId: other.id });
    expect(d.orgId).toBe(other.id);
    const cases = d.due.find((x) => x.item === '行政执法案件办理期限');
    expect(cases).toMatchObject({ overdue: 0, dueSoon: 0 });
    expect(d.due.find((x) => x.item === '数据填报截止期限')).toMatchObject({ dueSoon: 1 });
    const own = await dashboard(ctx, { year: 2025, orgId: scjg });
    const ownCases = own.due.find((x) => x.item === '行政执法案件办理期限');
    expect(ownCases?.overdue).toBe((await searchCases(ctx, { due: 'overdue', orgId: scjg }, all)).total);
  });

  it('gives monthly trends up to the current month, adding up to the year', async () => {
    const d = await dashboard(ctx, { year: 2025, orgId: root });
    expect(d.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const decided = d.trend.find((t) => t.metricId === 'enforcement.penalty.decided');
    expect(decided?.values).toEqual([0, 0, 2, 1, 0, 0]);
    const last = await dashboard(ctx, { year: 2024, orgId: root });
    expect(last.months).toHaveLength(12);
    expect(last.trend.find((t) => t.metricId === 'enforcement.penalty.decided')?.values[4]).toBe(1);
  });
});
