import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

describe.each(testEngines())('data-call and metric routes on $name', (engine) => {
  let office: Session;
  let unit: Session;

  const t = appSetup(engine);
  beforeAll(async () => {
    office = await loginAs(t.app, 'yfzs');
    unit = await loginAs(t.app, 'scjg');
  });
  const postCall = (as: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/data-calls', headers: as.headers, payload });

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
    const forbidden = await postCall(unit, callBody());
    expect(forbidden.statusCode).toBe(403);
    const bad = await postCall(office, { ...callBody(), periodTo: '2024-12-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('统计期止日不能早于起日');
    const noPeriod = await t.app.inject({ url: '/api/metrics', headers: office.headers });
    expect(noPeriod.statusCode).toBe(400);
  });

  it('runs a call end to end over HTTP and serves the figure with its records', async () => {
    const created = await postCall(office, callBody());
    expect(created.statusCode).toBe(201);
    const call = created.json() as { id: string; version: number };
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/data-calls/${call.id}/open`,
      headers: office.headers,
      payload: { version: call.version },
    });
    expect(opened.json().statusLabel).toBe('填报中');
    const inbox = await t.app.inject({ url: '/api/data-call-submissions', headers: unit.headers });
    const subId = inbox.json().items[0].id as string;
    const form = (
      await t.app.inject({ url: `/api/data-call-submissions/${subId}`, headers: unit.headers })
    ).json();
    expect(form.lines[1]).toMatchObject({ name: '下发数据填报任务数', readOnly: true });
    const wrong = await t.app.inject({
      method: 'PUT',
      url: `/api/data-call-submissions/${subId}/figures`,
      headers: unit.headers,
      payload: { version: form.version, figures: [{ itemId: form.lines[0].id, value: 12, unit: '起' }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('应为“件”');
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/data-call-submissions/${subId}/figures`,
      headers: unit.headers,
      payload: {
        version: form.version,
        figures: [{ itemId: form.lines[0].id, value: 12, unit: '件', evidenceText: '应诉台账' }],
      },
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/data-call-submissions/${subId}/submit`,
      headers: unit.headers,
      payload: { version: saved.json().version },
    });
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/data-call-submissions/${subId}/return`,
      headers: office.headers,
      payload: { version: submitted.json().version, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/data-call-submissions/${subId}/accept`,
      headers: office.headers,
      payload: { version: submitted.json().version },
    });
    expect(accepted.json().statusLabel).toBe('已采纳');
    const figures = await t.app.inject({
      url: `/api/metrics?year=2025&orgId=${t.orgs.rootId}`,
      headers: office.headers,
    });
    const lit = (figures.json().items as { metricId: string; value: number | null }[]).find(
      (f) => f.metricId === 'rpt.litigation.cases',
    );
    expect(lit?.value).toBe(12);
    const records = await t.app.inject({
      url: `/api/metrics/rpt.litigation.cases/records?year=2025`,
      headers: office.headers,
    });
    expect(records.json().items[0]).toMatchObject({
      orgName: '开远市市场监督管理局',
      value: 12,
      evidence: '应诉台账',
    });
  });
});
