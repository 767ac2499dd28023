import { describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import {
  amendPowerItem,
  createPowerItem,
  getPowerItem,
  repealPowerItem,
  searchPowerItems,
} from './service.js';
import { ctxAt, powerListSetup, userCtx } from '../test/fixtures.js';
import { errorCodeOf } from '../../../test/ctx.js';

const all = { offset: 0, limit: 2000 };

describe.each(testEngines())('权责清单 on $name', (engine) => {
  const t = powerListSetup(engine);

  it('seeds a few hundred items with their legal basis', async () => {
    const ctx = ctxAt(t.h);
    const list = await searchPowerItems(ctx, {}, all);
    expect(list.total).toBeGreaterThan(200);
    const food = await searchPowerItems(
      ctx,
      { category: 'penalty', orgId: t.orgs.departments.get('市场监管局'), lawName: '食品安全法' },
      all,
    );
    expect(food.items.map((i) => i.basis)).toContain('《中华人民共和国食品安全法》第一百二十四条');
    expect(food.items.every((i) => i.categoryLabel === '行政处罚')).toBe(true);
  });

  it('keeps every change as a revision with its reason, newest first', async () => {
    const ctx = ctxAt(t.h);
    const item = await createPowerItem(ctx, {
      orgId: t.orgs.departments.get('市场监管局'),
      code: 'TEST-0001',
      category: 'penalty',
      name: '对食品经营者采购不符合食品安全标准的食品原料的处罚',
      lawName: '中华人民共和国食品安全法',
      article: '第一百二十五条',
    });
    expect(item.revision).toBe(1);
    const amended = await amendPowerItem(ctx, item.id, {
      version: item.version,
      article: '第一百二十四条第一款',
      reason: '依据条款调整',
    });
    expect(amended.basis).toBe('《中华人民共和国食品安全法》第一百二十四条第一款');
    const repealed = await repealPowerItem(ctx, item.id, { version: amended.version, reason: '职能划转' });
    expect(repealed.status).toBe('repealed');
    const detail = await getPowerItem(ctx, item.id);
    expect(detail.revisions.map((r) => [r.revision, r.changeLabel, r.reason])).toEqual([
      [3, '取消', '职能划转'],
      [2, '变更', '依据条款调整'],
      [1, '新增', ''],
    ]);
    expect(detail.revisions[2]?.snapshot).toMatchObject({ article: '第一百二十五条' });
    expect(
      await errorCodeOf(
        amendPowerItem(ctx, item.id, { version: repealed.version, name: '再改', reason: '再改一下' }),
      ),
    ).toBe('enforcement.powerItemRepealed');
  });

  it('refuses a stale version, a duplicate code and a malformed article', async () => {
    const ctx = ctxAt(t.h);
    const [first] = (await searchPowerItems(ctx, { orgId: t.orgs.departments.get('交通运输局') }, all)).items;
    await amendPowerItem(ctx, first?.id ?? '', {
      version: first?.version ?? 0,
      accountability: '追责情形已更新',
      reason: '按新规修订',
    });
    expect(
      await errorCodeOf(
        amendPowerItem(ctx, first?.id ?? '', {
          version: first?.version ?? 0,
          accountability: 'x',
          reason: '并发修改',
        }),
      ),
    ).toBe('conflict.stale');
    const base = {
      orgId: t.orgs.departments.get('交通运输局'),
      category: 'inspection',
      name: '道路运输检查',
      lawName: '中华人民共和国道路运输条例',
    };
    expect(
      await errorCodeOf(createPowerItem(ctx, { ...base, code: first?.code, article: '第五十八条' })),
    ).toBe('db.duplicate');
    expect(await errorCodeOf(createPowerItem(ctx, { ...base, code: 'TEST-0002', article: '五十八' }))).toBe(
      'validation',
    );
  });

  it('shows a department handler only their own bureau’s items', async () => {
    const ctx = await userCtx(t.h, 'scjg');
    const mine = await searchPowerItems(ctx, {}, all);
    expect(mine.total).toBeGreaterThan(10);
    expect(new Set(mine.items.map((i) => i.orgName))).toEqual(new Set(['开远市市场监督管理局']));
    const other = (await searchPowerItems(ctxAt(t.h), { orgId: t.orgs.departments.get('林草局') }, all))
      .items[0];
    expect(await errorCodeOf(getPowerItem(ctx, other?.id ?? ''))).toBe('enforcement.powerItemNotFound');
  });
});
