import { afterAll, describe, expect, it } from 'vitest';
import { changeDataCallStatus, createDataCall } from './planning/data-call-service.js';
import { generateReport, submitReport } from './planning/report-service.js';
import { orgIdOf, seedDemoOrgs, userCtx } from './planning/test-fixtures.js';
import { buildApp } from '../server/app.js';
import { loginAs } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { databaseSetup } from '../test/suite.js';
import { type Reminder, reminders } from './reminders.js';

/** 2026-03-02 10:00 in China: departments' reports on 2025 were due yesterday, publication in a month. */
const MARCH_2 = new Date('2026-03-02T02:00:00Z');

describe.each(testEngines())('待办提醒 on $name', (engine) => {
  const t = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    const app = await buildApp({ handle: h, loginRateLimit: 1000 });
    const office = await userCtx(h, 'yfzs', MARCH_2);
    // 市场监管局 filed its report; 教育体育局 has not; the county government's is a draft
    const scjg = orgIdOf(orgs, '市场监管局');
    const filed = await generateReport(office, { year: 2025, orgId: scjg });
    await submitReport(office, filed.id, { version: filed.current.version });
    await generateReport(office, { year: 2025 });
    const call = await createDataCall(office, {
      title: '2026年一季度法治政府建设数据填报',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      deadline: '2026-03-06',
      targetOrgIds: [scjg],
      items: [{ metricId: 'rpt.reconsideration.received' }],
    });
    await changeDataCallStatus(office, call.id, 'open', { version: call.version });
    return { orgs, app };
  });
  afterAll(async () => {
    await t.app.close();
  });

  const find = (items: Reminder[], unit: string, title: string) =>
    items.find((r) => r.unitName?.includes(unit) && r.title.includes(title));

  it('tells the office which units missed 3月1日 and which must publish by 4月1日', async () => {
    const { items, today } = await reminders(await userCtx(t.h, 'yfzs', MARCH_2));
    expect(today).toBe('2026-03-02');
    const late = items.filter((r) => r.title === '2025年度法治政府建设年度报告报送');
    expect(late.length).toBeGreaterThan(5);
    expect(late.every((r) => r.state === 'overdue' && r.due === '2026-03-01')).toBe(true);
    const filedUnit = find(items, '市场监督管理局', '向社会公开');
    expect(filedUnit?.unitName).toBeTruthy();
    expect(late.map((r) => r.unitName)).not.toContain(filedUnit?.unitName);
    expect(filedUnit).toMatchObject({
      due: '2026-04-01',
      state: 'dueSoon',
      basis: expect.stringContaining('厅字〔2019〕28号'),
      link: '/report/reports',
    });
    expect(find(items, '开远市人民政府', '向社会公开')).toMatchObject({
      state: 'dueSoon',
      due: '2026-04-01',
    });
    expect(find(items, '市场监督管理局', '一季度')).toMatchObject({
      due: '2026-03-06',
      state: 'dueSoon',
      link: '/report/data-calls?due=dueSoon',
    });
    // 逾期 come first
    const firstSoon = items.findIndex((r) => r.state === 'dueSoon');
    expect(items.slice(firstSoon).every((r) => r.state === 'dueSoon')).toBe(true);
  });

  it('shows a unit only its own answer to fill, linked to its inbox, and no report it may not read', async () => {
    const { items } = await reminders(await userCtx(t.h, 'scjg', MARCH_2));
    expect(items.filter((r) => r.domain === 'planning')).toEqual([
      expect.objectContaining({ title: '2026年一季度法治政府建设数据填报', link: '/report/submissions' }),
    ]);
  });

  it('is quiet in January, before any deadline is near', async () => {
    const { items } = await reminders(await userCtx(t.h, 'yfzs', new Date('2026-01-10T02:00:00Z')));
    expect(items.filter((r) => r.title.includes('年度报告'))).toEqual([]);
  });

  it('answers GET /api/reminders to a logged-in user and 401 to a visitor', async () => {
    expect((await t.app.inject({ url: '/api/reminders' })).statusCode).toBe(401);
    const { headers } = await loginAs(t.app, 'yfzs');
    const res = await t.app.inject({ url: '/api/reminders', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { today: string; items: Reminder[] };
    expect(body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(body.items)).toBe(true);
    for (const r of body.items) expect(['dueSoon', 'overdue']).toContain(r.state);
  });
});
