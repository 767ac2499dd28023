// Issue #17 "stateless app instances": two app instances on one database (and, with REDIS_URL,
// one Redis) behind a proxy — a session, a login hold and a rate limit made at one instance hold
// at the other. Each instance has its own connection pool, as two `fazhi serve` processes do.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis } from '../platform/auth/throttle.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/open.js';
import { systemCtx } from '../platform/context.js';
import { demoUscc, seedOrgs } from '../domains/org/seed.js';
import { TEST_PASSWORD } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { buildApp } from './app.js';

/** Where the shared counters live: the database always; Redis when REDIS_URL is set (required in CI). */
function stores(): ('database' | 'redis')[] {
  if (!process.env.REDIS_URL && process.env.CI === 'true')
    throw new Error('CI 中必须设置 REDIS_URL,多实例测试须在 Redis 上运行');
  return process.env.REDIS_URL ? ['database', 'redis'] : ['database'];
}

const cases = testEngines().flatMap((engine) => stores().map((store) => ({ engine, store })));

describe.each(cases)('two app instances on $engine.name, limits in the $store', ({ engine, store }) => {
  let h: DatabaseHandle;
  let second: DatabaseHandle | null = null;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const redis = store === 'redis' ? openRedis(process.env.REDIS_URL ?? '') : null;
  const redisPrefix = `fazhi-test-${randomUUID().slice(0, 8)}:`;
  // addresses of this run, so counters of an earlier run can never interfere
  const net = `10.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250)}`;

  beforeAll(async () => {
    h = await engine.open();
    await seedOrgs(systemCtx(h.db), TEST_PASSWORD, demoUscc);
    // on PostgreSQL the second instance has a pool of its own on the same database
    let other = h;
    if (engine.name === 'postgres') {
      const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(h.db);
      const u = new URL(process.env.TEST_DATABASE_URL ?? '');
      u.pathname = `/${rows[0]?.db}`;
      second = await openDatabase({ url: u.toString(), poolSize: 4 });
      other = second;
    }
    const opts = { loginRateLimit: 8, redis, redisPrefix };
    a = await buildApp({ handle: h, ...opts });
    b = await buildApp({ handle: other, ...opts });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await h?.close();
    if (redis) {
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });

  const login = (app: FastifyInstance, username: string, password: string, from: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: from,
    });

  it('a session opened at one instance is valid at the other, and logging out ends it at both', async () => {
    const r = await login(a, 'admin', TEST_PASSWORD, `${net}.1`);
    expect(r.statusCode).toBe(200);
    const cookie = `fazhi_session=${r.cookies.find((c) => c.name === 'fazhi_session')?.value}`;
    expect((await b.inject({ url: '/api/auth/me', headers: { cookie } })).json().user.username).toBe('admin');
    const csrf = r.json().csrfToken as string;
    expect(
      (await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } }))
        .statusCode,
    ).toBe(204);
    expect((await a.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('five wrong passwords at one instance hold the next login at the other', async () => {
    const from = `${net}.2`;
    for (let i = 0; i < 5; i++) {
      const at = i % 2 ? b : a;
      expect((await login(at, 'yfzs', `wrong-${i}-pass`, from)).statusCode).toBe(401);
    }
    const r = await login(b, 'yfzs', TEST_PASSWORD, from);
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('auth.locked');
  });

  it('the login rate limit (8 a minute per address) counts requests at both instances', async () => {
    const from = `${net}.3`;
    const codes: number[] = [];
    // different usernames, so only the rate limit can refuse: 4 at each instance, then one more
    for (let i = 0; i < 8; i++)
      codes.push((await login(i < 4 ? a : b, `nobody-${i}`, 'x-pass-1', from)).statusCode);
    expect(codes).toEqual(Array(8).fill(401));
    const ninth = await login(a, 'nobody-9', 'x-pass-1', from);
    expect(ninth.statusCode).toBe(429);
    expect(ninth.json().code).toBe('request.rateLimited');
  });
  it('public site settings saved by another process reach this instance within seconds', async () => {
    // written as a third process would: straight to the database, not through this process
    const name = `站点名称${randomUUID().slice(0, 6)}`;
    await sql`insert into site_setting (id, site_name, sponsor, updated_at, version)
      values ('portal', ${name}, '某县人民政府', now(), 1)
      on conflict (id) do update set site_name = excluded.site_name, version = site_setting.version + 1`.execute(
      h.db,
    );
    const deadline = Date.now() + 15_000;
    let body = '';
    while (Date.now() < deadline) {
      body = (await b.inject({ url: '/portal' })).body;
      if (body.includes(name)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(body).toContain(name);
  }, 30_000);
});
