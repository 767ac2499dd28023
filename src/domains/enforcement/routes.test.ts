import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { buildApp } from '../../server/app.js';
import { loginAs, requestsOf } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import type { DemoOrgs } from '../org/seed.js';
import { seedEnforcement } from './seed.js';
import { ctxAt, TODAY, withOrgs } from './test/fixtures.js';

describe.each(testEngines())('enforcement HTTP API on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let orgs: DemoOrgs;
  let admin: ReturnType<typeof requestsOf>;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    await seedEnforcement(ctxAt(h, new Date()), { year: 2024, today: TODAY, log: () => {}, scale: 0.05 });
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    admin = requestsOf(app, await loginAs(app, 'admin'));
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('answers 401 without a session and 403 without the permission', async () => {
    for (const url of ['/api/enforcement/officers', '/api/enforcement/bodies', '/api/enforcement/powers']) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
    const clerk = requestsOf(app, await loginAs(app, 'clerk'));
    const r = await clerk.get('/api/enforcement/officers');
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('auth.forbidden');
  });

  it('answers 400 with the field for a bad filter or body', async () => {
    const r = await admin.get('/api/enforcement/officers?certificateState=soon');
    expect(r.statusCode).toBe(400);
    const body = (await admin.get('/api/enforcement/bodies?pageSize=1')).json().items[0];
    const p = await admin.post('/api/enforcement/officers', { bodyId: body.id, name: '王', gender: 'male' });
    expect(p.statusCode).toBe(400);
    expect(p.json().field).toBe('name');
    expect(p.json().detail).toContain('姓名至少 2 个字');
  });

  it('lists officers whose certificates expire within 30 days, and creates one', async () => {
    const list = await admin.get('/api/enforcement/officers?expiresWithin=30&pageSize=200');
    expect(list.statusCode).toBe(200);
    const { items, total } = list.json() as { items: { certificateState: string }[]; total: number };
    expect(total).toBeGreaterThan(0);
    expect(items.every((o) => o.certificateState === 'expiring30')).toBe(true);
    const bodyId = (
      await admin.get(`/api/enforcement/bodies?orgId=${orgs.departments.get('市场监管局')}`)
    ).json().items[0].id;
    const created = await admin.post('/api/enforcement/officers', {
      bodyId,
      name: '何丽华',
      gender: 'female',
      certificate: {
        number: 'HTTP-0001',
        field: '市场监督管理',
        issuedOn: '2024-01-02',
        validUntil: '2029-01-01',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '何丽华',
      orgName: '开远市市场监督管理局',
      certificate: { number: 'HTTP-0001' },
    });
  });

  it('lets a department handler read only its own bureau, and not write officers', async () => {
    const scjg = requestsOf(app, await loginAs(app, 'scjg'));
    const mine = (await scjg.get('/api/enforcement/officers?pageSize=200')).json() as {
      items: { orgName: string }[];
    };
    expect(new Set(mine.items.map((o) => o.orgName))).toEqual(new Set(['开远市市场监督管理局']));
    const bodyId = (await scjg.get('/api/enforcement/bodies')).json().items[0].id;
    const r = await scjg.post('/api/enforcement/officers', { bodyId, name: '何丽', gender: 'female' });
    expect(r.statusCode).toBe(403);
  });

  it('downloads the officer ledger as .xlsx', async () => {
    const r = await admin.get('/api/enforcement/officers/export.xlsx?uncertified=true');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('执法人员台账'));
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists the 权责清单 by category with its legal basis', async () => {
    const r = await admin.get('/api/enforcement/powers?category=penalty&lawName=食品安全法');
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { basis: string }[];
    expect(items.some((i) => i.basis === '《中华人民共和国食品安全法》第一百二十四条')).toBe(true);
  });

  it('gives the 法制审核 account a case to review even in a small demo', async () => {
    const reviewer = requestsOf(app, await loginAs(app, 'fzsh'));
    const r = await reviewer.get('/api/enforcement/cases?status=reviewing');
    expect(r.statusCode).toBe(200);
    expect(r.json().total).toBeGreaterThan(0);
  });

  it('lists every 逾期 case before any other, and 临期 before the rest', async () => {
    const handler = requestsOf(app, await loginAs(app, 'scjg'));
    const r = await handler.get('/api/enforcement/cases?pageSize=200');
    const items = r.json().items as { caseNo: string; nextDue: { state: string; due: string } | null }[];
    const rank = { overdue: 0, dueSoon: 1, normal: 2 } as Record<string, number>;
    const ranks = items.map((c) => (c.nextDue ? (rank[c.nextDue.state] ?? 3) : 3));
    expect(ranks).toContain(0);
    const sunk = items.filter((_c, i) => i > 0 && (ranks[i] ?? 3) < (ranks[i - 1] ?? 3));
    expect(sunk.map((c) => `${c.caseNo} ${c.nextDue?.state} ${c.nextDue?.due}`)).toEqual([]);
  });

  it('lists overdue cases and refuses a decision that needs legal review (第五十八条)', async () => {
    const overdue = await admin.get('/api/enforcement/cases?due=overdue&pageSize=50');
    expect(overdue.statusCode).toBe(200);
    const items = overdue.json().items as { nextDue: { state: string } | null; status: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.nextDue?.state === 'overdue' && c.status !== 'closed')).toBe(true);
    const bad = await admin.get('/api/enforcement/cases?due=late');
    expect(bad.statusCode).toBe(400);

    const bodyId = (
      await admin.get(`/api/enforcement/bodies?orgId=${orgs.departments.get('市场监管局')}`)
    ).json().items[0].id;
    const officers = (
      await admin.get(`/api/enforcement/officers?bodyId=${bodyId}&certificateState=valid&pageSize=5`)
    ).json().items as { id: string }[];
    const open = await admin.post('/api/enforcement/cases', {
      bodyId,
      partyKind: 'organisation',
      partyName: '开远市某某商贸有限公司',
      facts: '销售不符合食品安全标准的食品',
      handlerIds: [officers[0]?.id, officers[1]?.id],
      openedOn: '2025-05-05',
    });
    expect(open.statusCode).toBe(201);
    let c = open.json() as { id: string; version: number };
    const act = (action: string, date: string, data: object = {}) =>
      admin.post(`/api/enforcement/cases/${c.id}/actions`, { version: c.version, action, date, data });
    const notified = await act('notify', '2025-05-06', {
      sanction: { penalties: ['revokeLicense'], amount: 0 },
    });
    expect(notified.statusCode).toBe(200);
    c = notified.json();
    const refused = await act('decide', '2025-05-20', {
      sanction: { penalties: ['revokeLicense'], amount: 0 },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'enforcement.reviewRequired' });
    expect(refused.json().detail).toContain('吊销许可证件');

    const single = await admin.post('/api/enforcement/cases', {
      bodyId,
      partyKind: 'person',
      partyName: '张某某',
      facts: '无证经营',
      handlerIds: [officers[0]?.id],
      openedOn: '2025-05-05',
    });
    expect(single.statusCode).toBe(400);
    expect(single.json()).toMatchObject({ code: 'enforcement.handlersTooFew', field: 'handlerIds' });
  });
});
