import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../platform/db/open.js';
import { appWithOrgs, loginAs } from '../test/app.js';
import { testEngines } from '../test/db.js';

describe.each(testEngines())('GET /metrics on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    h = await engine.open();
    ({ app } = await appWithOrgs(h));
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('gives request latency by route, the pool and the process in Prometheus text to a local scraper', async () => {
    await app.inject({ url: '/api/health' });
    await app.inject({ url: '/api/orgs' }); // 401
    const r = await app.inject({ url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(
      /fazhi_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 1/,
    );
    expect(r.body).toMatch(/route="\/api\/orgs",status_code="401"/);
    expect(r.body).toMatch(/fazhi_db_pool_connections\{state="idle"\} \d/);
    expect(r.body).toMatch(/fazhi_db_pool_connections\{state="waiting"\} 0/);
    expect(r.body).toContain(`fazhi_db_engine_info{engine="${h.engine}"} 1`);
    expect(r.body).toContain('fazhi_process_resident_memory_bytes');
  });

  it('is not shown to other addresses, or through a proxy, without an administrator', async () => {
    expect((await app.inject({ url: '/metrics', remoteAddress: '10.9.0.1' })).statusCode).toBe(404);
    expect(
      (await app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode,
    ).toBe(404);
    const admin = await loginAs(app, 'admin');
    const r = await app.inject({
      url: '/metrics',
      remoteAddress: '10.9.0.1',
      headers: { cookie: admin.cookie },
    });
    expect(r.statusCode).toBe(200);
  });
});
