import { describe, expect, it } from 'vitest';
import { SubjectArea } from './reconsideration/schema.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { annualDisclosureTable } from './api.js';
import { disputesMetrics } from './metrics.js';
import { searchReconsiderations } from './reconsideration/service.js';
import { seedDisputes } from './seed.js';
import { searchSuggestions } from './suggestions/service.js';
import { ctxAt, orgId, withOrgs } from './test/fixtures.js';

describe.each(testEngines())('disputes demo seed and figures on $name', (engine) => {
  const seeded = databaseSetup(
    engine,
    async (h) => {
      await withOrgs(h);
      const sys = ctxAt(h, new Date('2026-06-16T02:00:00Z'));
      await seedDisputes(sys, { year: 2025, today: '2026-06-16', log: () => {}, scale: 1 });
      const root = await orgId(h, '开远市人民政府');
      const ids = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
      return { sys, root, ids };
    },
    240_000,
  );

  const figure = async (id: string, from = '2025-01-01', to = '2025-12-31') => {
    const def = disputesMetrics.find((m) => m.id === id);
    if (!def) throw new Error(id);
    return (
      await def.compute(seeded.h.db, {
        scope: seeded.sys.scope,
        orgId: seeded.root,
        orgIds: seeded.ids,
        from,
        to,
      })
    ).value;
  };

  it('computes the year’s 复议 figures from the records, adding up', async () => {
    const received = await figure('disputes.reconsideration.received');
    const accepted = await figure('disputes.reconsideration.accepted');
    const rejected = await figure('disputes.reconsideration.rejected');
    const withdrawn = await figure('disputes.reconsideration.withdrawnBeforeAcceptance');
    const lapsed = await figure('disputes.reconsideration.lapsed');
    expect(received).toBeGreaterThanOrEqual(25);
    expect((accepted ?? 0) + (rejected ?? 0) + (withdrawn ?? 0) + (lapsed ?? 0)).toBe(received);
    const closed = await figure('disputes.reconsideration.closed');
    const upheld = await figure('disputes.reconsideration.upheld');
    const terminated = await figure('disputes.reconsideration.terminated');
    expect(upheld).toBe(12);
    expect(terminated).toBe(3);
    expect(await figure('disputes.reconsideration.correctionRate')).toBeCloseTo((6 / (closed ?? 1)) * 100, 1);
    expect(await figure('disputes.reconsideration.mediated')).toBe(2);
    expect(await figure('disputes.reconsideration.averageDays')).toBeGreaterThan(20);
  });

  it('computes lawsuits by instance and outcome, 败诉率 and the 负责人出庭 rate per instance', async () => {
    expect(await figure('disputes.litigation.received.first')).toBe(17);
    expect(await figure('disputes.litigation.withdrawn')).toBe(9);
    expect(await figure('disputes.litigation.dismissed')).toBe(4);
    expect(await figure('disputes.litigation.lossRate')).toBe(0);
    expect(await figure('disputes.litigation.headAppearanceRate')).toBe(100);
    expect(await figure('disputes.litigation.headAppearances')).toBeGreaterThan(0);
  });

  it('breaks 复议 and 一审 suits down by 争议领域 (征地拆迁 …), every demo case carrying one', async () => {
    const areas = SubjectArea.options;
    const recon = await Promise.all(areas.map((a) => figure(`disputes.reconsideration.received.area.${a}`)));
    expect(recon.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(
      await figure('disputes.reconsideration.received'),
    );
    expect(await figure('disputes.reconsideration.received.area.landExpropriation')).toBeGreaterThan(0);
    const suits = await Promise.all(areas.map((a) => figure(`disputes.litigation.received.area.${a}`)));
    expect(suits.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(17);
    const shares = await Promise.all(areas.map((a) => figure(`disputes.litigation.areaShare.${a}`)));
    expect(shares.reduce((s: number, v) => s + (v ?? 0), 0)).toBeCloseTo(100, 0);
  });

  it('shows open cases this year: some overdue, one 中止, and an overdue 建议', async () => {
    const overdue = await searchReconsiderations(seeded.sys, { due: 'overdue' }, { offset: 0, limit: 50 });
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    expect(
      (await searchReconsiderations(seeded.sys, { status: 'suspended' }, { offset: 0, limit: 50 })).total,
    ).toBe(1);
    expect(
      (await searchSuggestions(seeded.sys, { due: 'overdue' }, { offset: 0, limit: 50 })).total,
    ).toBeGreaterThanOrEqual(1);
    expect(await figure('disputes.suggestions.received', '2025-01-01', '2026-06-16')).toBe(7);
  });

  it('builds the 政务公开 annual-report table of 复议 and 诉讼 outcomes (国办公开办函〔2021〕30号)', async () => {
    const t = await annualDisclosureTable(seeded.sys, { orgId: seeded.root, year: 2025 });
    // the form's columns, the same for 复议 and for 诉讼
    const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(t.reconsideration.map((c) => c.label)).toEqual(columns);
    const total = t.reconsideration.find((c) => c.label === '总计')?.value ?? 0;
    expect(total).toBe(t.reconsideration.filter((c) => c.label !== '总计').reduce((s, c) => s + c.value, 0));
    expect(t.litigationDirect.map((c) => c.label)).toEqual(columns);
  });
});
