import { describe, expect, it } from 'vitest';
import { loginAs } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';

describe.each(testEngines())('GET /metrics on $name', (engine) => {
  const suite = appSetup(engine);

  it('gives request latency by route, the pool and the process in Prometheus text to a local scraper', async () => {
    await suite.app.inject({ url: '/api/health' });
    await suite.app.inject({ url: '/api/orgs' }); // 401
    const r = await suite.app.inject({ url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(
      /fazhi_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 1/,
    );
    expect(r.body).toMatch(/route="\/api\/orgs",status_code="401"/);
    expect(r.body).toMatch(/fazhi_db_pool_connections\{state="idle"\} \d/);
    expect(r.body).toMatch(/fazhi_db_pool_connections\{state="waiting"\} 0/);
    expect(r.body).toContain(`fazhi_db_engine_info{engine="${suite.h.engine}"} 1`);
    expect(r.body).toContain('fazhi_process_resident_memory_bytes');
  });

  it('is not shown to other addresses, or through a proxy, without an administrator', async () => {
    expect((await suite.app.inject({ url: '/metrics', remoteAddress: '10.9.0.1' })).statusCode).toBe(404);
    expect(
      (await suite.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode,
    ).toBe(404);
    const admin = await loginAs(suite.app, 'admin');
    const r = await suite.app.inject({
      url: '/metrics',
      remoteAddress: '10.9.0.1',
      headers: { cookie: admin.cookie },
    });
    expect(r.statusCode).toBe(200);
  });
});
