import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, requestsOf } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

describe.each(testEngines())('data-call and metric routes on $name', (engine) => {
  let office: ReturnType<typeof requestsOf>;
  let unit: ReturnType<typeof requestsOf>;

  const t = appSetup(engine);
  beforeAll(async () => {
    office = requestsOf(t.app, await loginAs(t.app, 'yfzs'));
    unit = requestsOf(t.app, await loginAs(t.app, 'scjg'));
  });

  const scjg = () => t.orgs.departments.get('市场监管局') ?? '';
  const callBody = () => ({
    title: '2025年度数据填报',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    deadline: '2099-02-28',
    targetOrgIds: [scjg()],
    items: [{ metricId: 'rpt.litigation.cases' }, { metricId: 'planning.dataCalls.issued' }],
  });

  it('answers 401 without a session, 403 without the permission, 400 on a bad body', async () => {
    expect((await t.app.inject({ url: '/api/data-calls' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/metrics?year=2025' })).statusCode).toBe(401);
    const forbidden = await unit.post('/api/data-calls', callBody());
    expect(forbidden.statusCode).toBe(403);
    const bad = await office.post('/api/data-calls', { ...callBody(), periodTo: '2024-12-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('统计期止日不能早于起日');
    const noPeriod = await office.get('/api/metrics');
    expect(noPeriod.statusCode).toBe(400);
  });

  it('runs a call end to end over HTTP and serves the figure with its records', async () => {
    const created = await office.post('/api/data-calls', callBody());
    expect(created.statusCode).toBe(201);
    const call = created.json() as { id: string; version: number };
    const opened = await office.post(`/api/data-calls/${call.id}/open`, { version: call.version });
    expect(opened.json().statusLabel).toBe('填报中');
    const inbox = await unit.get('/api/data-call-submissions');
    const subId = inbox.json().items[0].id as string;
    const submission = `/api/data-call-submissions/${subId}`;
    const form = (await unit.get(submission)).json();
    expect(form.lines[1]).toMatchObject({ name: '下发数据填报任务数', readOnly: true });
    const wrong = await unit.put(`${submission}/figures`, {
      version: form.version,
      figures: [{ itemId: form.lines[0].id, value: 12, unit: '起' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('应为“件”');
    const saved = await unit.put(`${submission}/figures`, {
      version: form.version,
      figures: [{ itemId: form.lines[0].id, value: 12, unit: '件', evidenceText: '应诉台账' }],
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await unit.post(`${submission}/submit`, { version: saved.json().version });
    const noReason = await office.post(`${submission}/return`, {
      version: submitted.json().version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const accepted = await office.post(`${submission}/accept`, { version: submitted.json().version });
    expect(accepted.json().statusLabel).toBe('已采纳');
    const figures = await office.get(`/api/metrics?year=2025&orgId=${t.orgs.rootId}`);
    const lit = (figures.json().items as { metricId: string; value: number | null }[]).find(
      (f) => f.metricId === 'rpt.litigation.cases',
    );
    expect(lit?.value).toBe(12);
    const records = await office.get(`/api/metrics/rpt.litigation.cases/records?year=2025`);
    expect(records.json().items[0]).toMatchObject({
      orgName: '开远市市场监督管理局',
      value: 12,
      evidence: '应诉台账',
    });
  });
});
