import { beforeAll, describe, expect, it } from 'vitest';
import { appSetup } from '../../test/app-suite.js';
import { loginAs, requestsOf } from '../../test/app.js';
import { testEngines } from '../../test/db.js';

// Ledgers "in org-tree order" list units as the org tree does: depth-first, siblings by 排序 (then
// name), a unit's own units right after it — not in the order of their ids (migration 0270).
describe.each(testEngines())('org-tree order of the ledgers on $name', (engine) => {
  const suite = appSetup(engine);
  let api: ReturnType<typeof requestsOf>;
  const names = async () =>
    ((await api.get('/api/org-staffing')).json() as { name: string }[])
      .map((o) => o.name)
      .filter((n) => n.startsWith('排序测试'));
  const create = async (parentId: string, name: string, sort: number) => {
    const r = await api.post('/api/orgs', { parentId, name, kind: 'department', sort });
    expect(r.statusCode).toBe(201);
    return r.json() as { id: string; version: number };
  };

  beforeAll(async () => {
    api = requestsOf(suite.app, await loginAs(suite.app, 'admin'));
  });

  it('lists siblings by 排序, each unit followed by its own units, and follows a change of 排序', async () => {
    const root = suite.orgs.rootId;
    // created in an order unlike their 排序, so neither creation order nor ids can give the answer
    const c = await create(root, '排序测试丙局', 30);
    const a = await create(root, '排序测试甲局', 10);
    await create(root, '排序测试乙局', 20);
    await create(c.id, '排序测试丙局二科', 2);
    await create(c.id, '排序测试丙局一科', 1);
    await create(a.id, '排序测试甲局办公室', 1);
    expect(await names()).toEqual([
      '排序测试甲局',
      '排序测试甲局办公室',
      '排序测试乙局',
      '排序测试丙局',
      '排序测试丙局一科',
      '排序测试丙局二科',
    ]);

    const moved = await api.patch(`/api/orgs/${c.id}`, { version: c.version, sort: 5 });
    expect(moved.statusCode).toBe(200);
    expect(await names()).toEqual([
      '排序测试丙局',
      '排序测试丙局一科',
      '排序测试丙局二科',
      '排序测试甲局',
      '排序测试甲局办公室',
      '排序测试乙局',
    ]);
  });
});
