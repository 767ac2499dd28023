import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CopyClient } from '../../../platform/db/copy.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { ctxAt, TODAY, withOrgs } from '../test/fixtures.js';
import { seedOfficers } from './seed.js';

/**
 * What a page of the officer ledger costs the database under load (issue #17: ≥ 0.6× the bare
 * driver route at 50 connections): the page and its total in one statement, and on PostgreSQL one
 * round trip — the check that the session still stands rides with it (platform/db/read-guard.ts).
 * Counted at the app's own database handle (every statement Kysely executes for the request) and,
 * on PostgreSQL, at the driver (every exchange with the server that ends in one Sync).
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
  const sent = vi.spyOn(CopyClient.prototype, 'rawQuery');
  const get = async (url: string, session = admin) => {
    seen = [];
    sent.mockClear();
    const r = await app.inject({ url, headers: session.headers });
    return {
      status: r.statusCode,
      body: r.json(),
      statements: seen.length,
      roundTrips: sent.mock.calls.length,
    };
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

  // The embedded engine has one process, which caches a resolved session until a write through it
  // ends the session or changes a user, role or org (org/auth-cache.ts). On PostgreSQL other
  // instances may end a session: an identity kept for a few seconds is checked in the same round
  // trip as the page, and every few seconds the session is read whole (a second round trip).
  const perPage = 1;
  const roundTrips = engine.name === 'postgres' ? 1 : 0;

  it('answers a page with its exact total in one statement and one round trip', async () => {
    expect(officers).toBeGreaterThan(100);
    const first = await get('/api/enforcement/officers?pageSize=20');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    expect(first.body).toMatchObject({ total: officers, totalKind: 'exact' });
    const second = await get('/api/enforcement/officers?pageSize=20&page=2');
    expect(second.statements).toBe(perPage);
    expect(second.roundTrips).toBe(roundTrips);
    expect(second.body.total).toBe(officers);
    const firstIds = new Set(first.body.items.map((o: { id: string }) => o.id));
    expect(second.body.items.some((o: { id: string }) => firstIds.has(o.id))).toBe(false);
  });

  it('pages through every officer once, org by org in the tree’s order and by name within an org', async () => {
    const shown: string[] = [];
    for (let page = 1; page <= Math.ceil(officers / 50); page++) {
      const r = await get(`/api/enforcement/officers?pageSize=50&page=${page}`);
      shown.push(...r.body.items.map((o: { id: string }) => o.id));
    }
    // the order the ledger promises, read straight from the tables (the database's own collation)
    const expected = await h.db
      .selectFrom('enforcement_officer as o')
      .innerJoin('org as g', 'g.id', 'o.org_id')
      .select('o.id')
      .orderBy('g.tree_rank')
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
    expect(shown).toEqual(expected.map((o) => o.id));
  });

  it('keeps the total on the last partial page and on an empty page past the end', async () => {
    const lastPage = Math.ceil(officers / 200);
    const last = await get(`/api/enforcement/officers?pageSize=200&page=${lastPage}`);
    expect(last.body.items).toHaveLength(officers - (lastPage - 1) * 200);
    expect(last.body.total).toBe(officers);
    const past = await get(`/api/enforcement/officers?pageSize=200&page=${lastPage + 5}`);
    expect(past.body).toMatchObject({ items: [], total: officers, totalKind: 'exact' });
  });

  it('filters by certificate state in the same one statement, total and page agreeing', async () => {
    const expired = await get('/api/enforcement/officers?certificateState=expired&pageSize=200');
    expect(expired.status).toBe(200);
    expect(expired.statements).toBe(perPage);
    expect(expired.roundTrips).toBe(roundTrips);
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
    it('answers with the new roles on the next read after another instance takes a role away', async () => {
      const reader = await loginAs(app, 'yfzs');
      const before = await get('/api/auth/me', reader);
      expect(before.body.user.roles.length).toBeGreaterThan(0);
      // kept now: the next read carries only the check
      expect((await get('/api/auth/me', reader)).roundTrips).toBe(1);
      const id = (await userId('yfzs')) ?? '';
      const [taken] = before.body.user.roles as { code: string }[];
      await h.db
        .deleteFrom('user_role')
        .where('user_id', '=', id)
        .where('role_id', 'in', (eb) =>
          eb
            .selectFrom('role')
            .select('id')
            .where('code', '=', taken?.code ?? ''),
        )
        .execute();
      const after = await get('/api/auth/me', reader);
      expect(after.status).toBe(200);
      expect(after.body.user.roles.map((r: { code: string }) => r.code)).not.toContain(taken?.code);
      expect(after.body.user.roles).toHaveLength(before.body.user.roles.length - 1);
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
