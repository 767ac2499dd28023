import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { testEngines } from '../../test/db.js';
import { codeOf } from '../../test/ctx.js';
import { getCase, openCase } from '../enforcement/cases/service.js';
import { recordAction } from '../enforcement/cases/act-service.js';
import { searchBodies, searchOfficers } from '../enforcement/officers/service.js';
import { seedOfficers } from '../enforcement/officers/seed.js';
import { seedPowers } from '../enforcement/power-list/seed.js';
import { ctxAt, TODAY, withOrgs } from '../enforcement/test/fixtures.js';
import { caseOptions, checkCaseMatter } from './case-hook.js';
import type { DiscretionStandard } from './discretion.js';
import type { LeniencyItem } from './leniency.js';
import { searchList } from './list-service.js';
import { lists } from './lists.js';
import { powersMetrics } from './metrics.js';
import { seedPowersLists } from './seed.js';

describe.each(testEngines())('cases decided under the lists on $name', (engine) => {
  let h: DatabaseHandle;
  let sys: Ctx;
  let bodyId: string;
  let handlers: string[];
  let standard: DiscretionStandard;
  let leniency: LeniencyItem[];

  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    sys = ctxAt(h);
    await seedPowers(sys, await seedOfficers(sys, TODAY));
    await seedPowersLists(sys, { log: () => {} });
    bodyId = (await searchBodies(sys, { q: '市场监督管理局' }, { offset: 0, limit: 5 })).items[0]?.id ?? '';
    handlers = (await searchOfficers(sys, { bodyId }, { offset: 0, limit: 50 })).items
      .filter((o) => o.certificateState === 'valid')
      .map((o) => o.id)
      .slice(0, 2);
    const found = (
      await searchList(
        sys,
        lists['discretion-standards'],
        { q: '生产经营不符合食品安全标准', orgId: orgs.departments.get('市场监管局') },
        undefined,
        {
          offset: 0,
          limit: 1,
        },
      )
    ).items[0] as DiscretionStandard | undefined;
    if (!found?.powerItemId) throw new Error('no 食品安全法 第一百二十四条 standard');
    standard = found;
    leniency = (
      await searchList(sys, lists['leniency-items'], { powerItemId: found.powerItemId }, 'code', {
        offset: 0,
        limit: 20,
      })
    ).items as LeniencyItem[];
  });
  afterAll(() => h.close());

  const notified = async (partyName: string) => {
    let c = await openCase(sys, {
      bodyId,
      powerItemId: standard.powerItemId,
      partyKind: 'organisation',
      partyName,
      facts: '经营超过保质期的食品',
      handlerIds: handlers,
      openedOn: '2025-06-02',
    });
    c = await recordAction(sys, c.id, { version: c.version, action: 'investigate', date: '2025-06-03' });
    return recordAction(sys, c.id, {
      version: c.version,
      action: 'notify',
      date: '2025-06-05',
      data: { sanction: { penalties: ['fine'], amount: 60_000 } },
    });
  };
  const kindOf = (kind: LeniencyItem['kind']) => leniency.find((l) => l.kind === kind)?.id ?? '';

  it('offers the case form the ranges by 情节 and the 四张清单 entries of its power item', async () => {
    const options = await caseOptions(sys, standard.powerItemId ?? '');
    expect(options.standard?.levels.map((l) => `${l.circumstanceLabel} ${l.range}`)).toEqual([
      '一般 50,000–65,000 元',
      '较重 65,000–85,000 元',
      '严重 85,000–100,000 元',
    ]);
    expect(new Set(options.leniencyItems.map((l) => l.kind))).toEqual(
      new Set(['noPenalty', 'lighterPenalty', 'reducedPenalty']),
    );
  });

  it('refuses a fine outside the 情节 range unless the decision gives a reason, and records nothing', async () => {
    const c = await notified('开远市甲食品店');
    const decide = (data: Record<string, unknown>) =>
      recordAction(sys, c.id, { version: c.version, action: 'decide', date: '2025-06-16', data });
    const sanction = { penalties: ['fine'], amount: 70_000 };
    expect(await codeOf(decide({ sanction }))).toBe('powers.circumstanceRequired@data.circumstance');
    expect(await codeOf(decide({ sanction, circumstance: 'general' }))).toBe(
      'powers.fineOutsideRange@data.sanction.amount',
    );
    expect((await getCase(sys, c.id)).actions).toHaveLength(3);
    const decided = await decide({
      sanction,
      circumstance: 'general',
      discretionReason: '货值金额接近一万元,且拒不配合调查',
    });
    expect(decided.statusLabel).toBe('已决定待送达');
  });

  it('records the 四张清单 entry a decision or 不予处罚 applied, and counts it by kind', async () => {
    const a = await notified('开远市乙便利店');
    expect(
      await codeOf(
        recordAction(sys, a.id, {
          version: a.version,
          action: 'terminate',
          date: '2025-06-10',
          data: { leniencyItemId: kindOf('lighterPenalty') },
        }),
      ),
    ).toBe('powers.leniencyKindMismatch@data.leniencyItemId');
    await recordAction(sys, a.id, {
      version: a.version,
      action: 'terminate',
      date: '2025-06-10',
      data: { leniencyItemId: kindOf('noPenalty'), note: '首次违法,已当场改正' },
    });
    const b = await notified('开远市丙超市');
    // 减轻处罚 (第三十二条): below the 一般 range's lower bound is allowed
    await recordAction(sys, b.id, {
      version: b.version,
      action: 'decide',
      date: '2025-06-16',
      data: {
        sanction: { penalties: ['fine'], amount: 20_000 },
        circumstance: 'general',
        leniencyItemId: kindOf('reducedPenalty'),
      },
    });
    const orgIds = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
    const q = { scope: ALL_SCOPE, orgId: orgIds[0] ?? '', orgIds, from: '2025-01-01', to: '2025-12-31' };
    const figure = (id: string) => powersMetrics.find((m) => m.id === id)?.compute(h.db, q);
    const total = await figure('powers.leniency.applied');
    expect(total?.value).toBe(2);
    const labels = (await total?.records())?.map((r) => r.label) ?? [];
    expect(labels).toHaveLength(2);
    expect(labels.find((l) => l.includes('开远市乙便利店'))).toContain('(不予处罚:');
    expect(labels.find((l) => l.includes('开远市丙超市'))).toContain('(减轻处罚:');
    expect((await figure('powers.leniency.applied.noPenalty'))?.value).toBe(1);
    expect((await figure('powers.leniency.applied.reducedPenalty'))?.value).toBe(1);
    expect((await figure('powers.leniency.applied.lighterPenalty'))?.value).toBe(0);
    const lastYear = await powersMetrics
      .find((m) => m.id === 'powers.leniency.applied')
      ?.compute(h.db, { ...q, from: '2024-01-01', to: '2024-12-31' });
    expect(lastYear?.value).toBe(0);
  });

  it('tells whether a body holds the power item as an 执法事项', async () => {
    const regionCode = '532502';
    const powerItemId = standard.powerItemId ?? '';
    expect(await codeOf(checkCaseMatter(sys, { regionCode, bodyId, powerItemId }))).toBe('ok');
    const other = (await searchBodies(sys, { q: '交通运输局' }, { offset: 0, limit: 1 })).items[0]?.id ?? '';
    expect(await codeOf(checkCaseMatter(sys, { regionCode, bodyId: other, powerItemId }))).toBe(
      'powers.matterNotHeld@powerItemId',
    );
  });
});
