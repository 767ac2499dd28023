import { describe, expect, it } from 'vitest';
import { loginAs } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';
import type { Dashboard } from './dashboard.js';

describe.each(testEngines())('GET /api/dashboard on $name', (engine) => {
  const t = appSetup(engine);

  it('refuses a visitor who is not logged in', async () => {
    expect((await t.app.inject({ url: '/api/dashboard?year=2025' })).statusCode).toBe(401);
  });

  it('answers the leader with the county figures, the units ranked and the due items', async () => {
    const { headers } = await loginAs(t.app, 'leader');
    const res = await t.app.inject({ url: '/api/dashboard?year=2025', headers });
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    expect(d.orgName).toBe('开远市人民政府');
    expect(d.keyFigures.find((k) => k.metricId === 'enforcement.penalty.decided')).toMatchObject({
      value: 0,
      lastYear: 0,
      change: 0,
    });
    expect(d.ranking.items.length).toBeGreaterThan(10);
    expect(d.due.map((x) => x.item)).toContain('行政执法案件办理期限');
  });

  it('refuses a year out of range with a reason', async () => {
    const { headers } = await loginAs(t.app, 'leader');
    const res = await t.app.inject({ url: '/api/dashboard?year=1999', headers });
    expect(res.statusCode).toBe(400);
  });
});
