import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { codeOf } from '../../test/ctx.js';
import { ctxAt, powerListSetup, userCtx } from '../enforcement/test/fixtures.js';
import type { DiscretionStandard } from './discretion.js';
import type { LicenseItem } from './license.js';
import { amendEntry, createEntry, getEntry, repealEntry, searchList } from './list-service.js';
import { lists } from './lists.js';
import { seedPowersLists } from './seed.js';

const all = { offset: 0, limit: 200 };

describe.each(testEngines())('清单管理 on $name', (engine) => {
  const t = powerListSetup(engine);
  beforeAll(async () => {
    await seedPowersLists(ctxAt(t.h), { log: () => {} });
  });

  it('seeds several hundred license items and tens of 四张清单 entries per enforcing bureau', async () => {
    const ctx = ctxAt(t.h);
    const licenses = await searchList(ctx, lists.licenses, {}, undefined, all);
    expect(licenses.total).toBeGreaterThan(300);
    const food = await searchList(ctx, lists.licenses, { q: '食品经营许可' }, undefined, all);
    expect(food.items[0]).toMatchObject({
      basis: '《中华人民共和国食品安全法》第三十五条',
      implementingOrg: '开远市市场监督管理局',
      approvalLevelLabel: '县级',
      powerItemName: '食品生产经营许可',
    });
    const scjg = t.orgs.departments.get('市场监管局') ?? '';
    const leniency = await searchList(ctx, lists['leniency-items'], { orgId: scjg }, undefined, all);
    expect(leniency.total).toBeGreaterThanOrEqual(30);
    expect(new Set(leniency.items.map((i) => i.kindLabel))).toEqual(
      new Set(['不予处罚', '从轻处罚', '减轻处罚', '免予行政强制']),
    );
    const standards = await searchList(ctx, lists['discretion-standards'], { orgId: scjg }, undefined, all);
    expect(standards.total).toBeGreaterThan(10);
    const matters = await searchList(ctx, lists.matters, {}, undefined, { offset: 0, limit: 5000 });
    expect(matters.total).toBeGreaterThan(100);
    expect(matters.items.filter((m) => m.entrusted).every((m) => m.bodyName.endsWith('综合行政执法队'))).toBe(
      true,
    );
    expect(matters.items.some((m) => m.entrusted)).toBe(true);
  });

  it('sorts by a whitelisted field and refuses another, naming sort', async () => {
    const ctx = ctxAt(t.h);
    const byDays = await searchList(ctx, lists.licenses, {}, '-statutoryDays', { offset: 0, limit: 5 });
    expect(byDays.items[0]?.statutoryDays).toBe(90);
    expect(await codeOf(searchList(ctx, lists.licenses, {}, 'password', all))).toBe('validation@sort');
  });

  it('keeps each change as a revision with its reason; a repealed entry no longer changes', async () => {
    const ctx = ctxAt(t.h);
    const orgId = t.orgs.departments.get('交通运输局');
    const item = (await createEntry(ctx, lists.licenses, {
      orgId,
      code: 'T-XK-0001',
      name: '道路货物运输经营许可',
      subItem: '道路货物运输经营许可核发',
      implementingOrg: '开远市交通运输局',
      lawName: '《中华人民共和国道路运输条例》',
      article: '第二十四条',
      approvalLevel: 'county',
      statutoryDays: 20,
      promisedDays: 10,
    })) as LicenseItem;
    expect(item).toMatchObject({ revision: 1, lawName: '中华人民共和国道路运输条例', charges: false });
    const amended = await amendEntry(ctx, lists.licenses, item.id, {
      version: item.version,
      promisedDays: 5,
      reason: '压缩承诺时限',
    });
    expect(amended).toMatchObject({ promisedDays: 5, revision: 2 });
    const repealed = await repealEntry(ctx, lists.licenses, item.id, {
      version: amended.version,
      reason: '事项取消',
    });
    expect(repealed.statusLabel).toBe('已取消');
    const detail = await getEntry(ctx, lists.licenses, item.id);
    expect(detail.revisions.map((r) => [r.revision, r.changeLabel, r.reason])).toEqual([
      [3, '取消', '事项取消'],
      [2, '变更', '压缩承诺时限'],
      [1, '新增', ''],
    ]);
    expect(detail.revisions[2]?.snapshot).toMatchObject({ promised_days: 10 });
    expect(
      await codeOf(
        amendEntry(ctx, lists.licenses, item.id, { version: repealed.version, name: '再改', reason: '再改' }),
      ),
    ).toBe('powers.entryRepealed@status');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const ctx = ctxAt(t.h);
    const orgId = t.orgs.departments.get('交通运输局');
    const base = {
      orgId,
      code: 'T-XK-0002',
      name: '出租汽车经营许可',
      implementingOrg: '开远市交通运输局',
      lawName: '国务院对确需保留的行政审批项目设定行政许可的决定',
      article: '第一百一十二项',
      approvalLevel: 'county',
      statutoryDays: 20,
      promisedDays: 10,
    };
    expect(await codeOf(createEntry(ctx, lists.licenses, { ...base, promisedDays: 25 }))).toBe(
      'powers.promisedOverStatutory@promisedDays',
    );
    expect(await codeOf(createEntry(ctx, lists.licenses, { ...base, charges: true }))).toBe(
      'powers.feeBasisMissing@feeNote',
    );
    expect(await codeOf(createEntry(ctx, lists.licenses, { ...base, article: '112' }))).toBe(
      'validation@article',
    );
    expect(await codeOf(createEntry(ctx, lists.licenses, { ...base, statutoryDays: -1 }))).toBe(
      'validation@statutoryDays',
    );
    const penalty = (
      await searchList(ctx, lists['discretion-standards'], {}, undefined, { offset: 0, limit: 1 })
    ).items[0] as DiscretionStandard;
    expect(
      await codeOf(createEntry(ctx, lists.licenses, { ...base, powerItemId: penalty.powerItemId })),
    ).toBe('powers.notLicensePower@powerItemId');
    expect((await searchList(ctx, lists.licenses, { q: 'T-XK-0002' }, undefined, all)).total).toBe(0);
  });

  it('keeps one 裁量权基准 in force per power item, with graded ranges', async () => {
    const ctx = ctxAt(t.h);
    const [standard] = (
      await searchList(ctx, lists['discretion-standards'], { lawName: '食品安全法' }, 'code', {
        offset: 0,
        limit: 1,
      })
    ).items as DiscretionStandard[];
    if (!standard) throw new Error('no standard');
    expect(standard.levels.map((l) => l.circumstanceLabel)).toEqual(['一般', '较重', '严重']);
    const again = {
      powerItemId: standard.powerItemId,
      code: 'T-CL-0001',
      violation: standard.violation,
      lawName: standard.lawName,
      article: standard.article,
      levels: [{ circumstance: 'general', description: '一般情形', fineMin: 1, fineMax: 2 }],
    };
    expect(await codeOf(createEntry(ctx, lists['discretion-standards'], again))).toBe('db.duplicate@');
    const bad = [
      { circumstance: 'general', description: '一般情形', fineMin: 500, fineMax: 800 },
      { circumstance: 'grave', description: '严重情形', fineMin: 100, fineMax: 200 },
    ];
    expect(
      await codeOf(
        amendEntry(ctx, lists['discretion-standards'], standard.id, {
          version: standard.version,
          levels: bad,
          reason: '调整',
        }),
      ),
    ).toBe('powers.fineRangeNotGraded@levels.1.fineMin');
  });

  it('shows a department handler only their bureau’s entries; others answer 404', async () => {
    const ctx = await userCtx(t.h, 'scjg');
    const mine = await searchList(ctx, lists['leniency-items'], {}, undefined, all);
    expect(mine.total).toBeGreaterThan(10);
    expect(new Set(mine.items.map((i) => i.orgName))).toEqual(new Set(['开远市市场监督管理局']));
    const other = (
      await searchList(
        ctxAt(t.h),
        lists['leniency-items'],
        { orgId: t.orgs.departments.get('林草局') },
        undefined,
        all,
      )
    ).items[0];
    expect(await codeOf(getEntry(ctx, lists['leniency-items'], other?.id ?? ''))).toBe(
      'powers.leniencyNotFound@',
    );
    expect(await codeOf(createEntry(ctx, lists['leniency-items'], {}))).toBe('auth.forbidden@');
  });
});
