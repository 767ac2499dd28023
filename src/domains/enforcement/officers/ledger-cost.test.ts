import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { ctxAt, TODAY, withOrgs } from '../test/fixtures.js';
import { seedOfficers } from './seed.js';

/**
 * What a page of the officer ledger costs the database under load (issue #17: ≥ 0.6× the bare
 * driver route at 50 connections): the session resolved with its user and roles in one
 * statement, the page and its total in another. Counted at the app's own database handle, every
 * statement Kysely executes for the request.
 */
describe.each(testEngines())('officer ledger statements on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let admin: Session;
  let seen: string[] = [];
  let officers = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      seen.push(args.queryId.queryId);
      return args.result;
    },
  };
  const get = async (url: string, session = admin) => {
    seen = [];
    const r = await app.inject({ url, headers: session.headers });
    return { status: r.statusCode, body: r.json(), statements: seen.length };
  };

  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    await seedOfficers(ctxAt(h), TODAY);
    app = await buildApp({ handle: { ...h, db: h.db.withPlugin(counting) }, loginRateLimit: 1000 });
    admin = await loginAs(app, 'admin');
    const r = await h.db
      .selectFrom('enforcement_officer')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    officers = Number(r.n);
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  // PostgreSQL: the session (with user and roles) and the page, each request — other instances may
  // end a session. The embedded engine has one process, which caches a resolved session until a
  // write through it ends the session or changes a user, role or org (org/auth-cache.ts).
  const perPage = engine.name === 'postgres' ? 2 : 1;

  it('answers a page with its exact total in two statements on a server, one embedded', async () => {
    expect(officers).toBeGreaterThan(100);
    const first = await get('/api/enforcement/officers?pageSize=20');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    expect(first.body).toMatchObject({ total: officers, totalKind: 'exact' });
    const second = await get('/api/enforcement/officers?pageSize=20&page=2');
    expect(second.statements).toBe(perPage);
    expect(second.body.total).toBe(officers);
    const firstIds = new Set(first.body.items.map((o: { id: string }) => o.id));
    expect(second.body.items.some((o: { id: string }) => firstIds.has(o.id))).toBe(false);
  });

  it('keeps the total on the last partial page and on an empty page past the end', async () => {
    const lastPage = Math.ceil(officers / 200);
    const last = await get(`/api/enforcement/officers?pageSize=200&page=${lastPage}`);
    expect(last.body.items).toHaveLength(officers - (lastPage - 1) * 200);
    expect(last.body.total).toBe(officers);
    const past = await get(`/api/enforcement/officers?pageSize=200&page=${lastPage + 5}`);
    expect(past.body).toMatchObject({ items: [], total: officers, totalKind: 'exact' });
  });

  it('filters by certificate state in the same two statements, total and page agreeing', async () => {
    const expired = await get('/api/enforcement/officers?certificateState=expired&pageSize=200');
    expect(expired.status).toBe(200);
    expect(expired.statements).toBe(perPage);
    expect(expired.body.totalKind).toBe('exact');
    // every page's officers, read to the end, are as many as the total said
    const all = [...expired.body.items];
    for (let page = 2; all.length < expired.body.total; page++) {
      const more = await get(`/api/enforcement/officers?certificateState=expired&pageSize=200&page=${page}`);
      expect(more.body.items.length).toBeGreaterThan(0);
      all.push(...more.body.items);
    }
    expect(all.length).toBe(expired.body.total);
    expect(all.length).toBeGreaterThan(0);
    for (const o of all) expect(o.certificateStateLabel).toBe('已过期');
    const none = await get('/api/enforcement/officers?q=没有这个人&pageSize=20');
    expect(none.body).toMatchObject({ items: [], total: 0, totalKind: 'exact' });
  });

  it('refuses a session ended or a user disabled through another app instance on the next request', async () => {
    const other = await buildApp({ handle: h, loginRateLimit: 1000 });
    try {
      const clerk = await loginAs(app, 'admin');
      expect((await get('/api/enforcement/officers', clerk)).status).toBe(200);
      const out = await other.inject({ method: 'POST', url: '/api/auth/logout', headers: clerk.headers });
      expect(out.statusCode).toBe(204);
      expect((await get('/api/enforcement/officers', clerk)).status).toBe(401);
      const leader = await loginAs(app, 'leader');
      expect((await get('/api/auth/me', leader)).status).toBe(200);
      const id = (await userId('leader')) ?? '';
      const current = (await get(`/api/users/${id}`)).body as { version: number };
      const off = await other.inject({
        method: 'PATCH',
        url: `/api/users/${id}`,
        headers: admin.headers,
        payload: { active: false, version: current.version },
      });
      expect(off.statusCode, off.body).toBe(200);
      expect((await get('/api/auth/me', leader)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  if (engine.name === 'postgres')
    it('refuses a session ended or a user disabled by another instance writing the database', async () => {
      // another process's logout or 停用 reaches this one through the database, not a cache
      const clerk = await loginAs(app, 'admin');
      expect((await get('/api/enforcement/officers', clerk)).status).toBe(200);
      await h.db
        .deleteFrom('session')
        .where('user_id', '=', (await userId('admin')) ?? '')
        .execute();
      expect((await get('/api/enforcement/officers', clerk)).status).toBe(401);
      const reader = await loginAs(app, 'yfzs');
      expect((await get('/api/auth/me', reader)).status).toBe(200);
      await h.db.updateTable('app_user').set({ active: false }).where('username', '=', 'yfzs').execute();
      expect((await get('/api/auth/me', reader)).status).toBe(401);
      admin = await loginAs(app, 'admin');
    });

  async function userId(username: string) {
    return (
      await h.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()
    )?.id;
  }
});
