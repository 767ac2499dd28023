import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLedgerEntry } from '../../domains/oversight/ledgers.js';
import { buildApp } from '../../server/app.js';
import { loginAs } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { compareReportVersions } from './report-compare.js';
import { generateReport, returnReport, submitReport } from './report-service.js';
import { seedDemoOrgs, userCtx } from './test-fixtures.js';

const meeting = (orgId: string, heldOn: string) => ({
  orgId,
  heldOn,
  kind: 'meeting',
  leader: '县长',
  subject: '研究法治政府建设年度重点工作',
  items: 2,
});

describe.each(testEngines())('comparing two versions of a report on $name', (engine) => {
  let reportId: string;

  const t = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    return { orgs };
  });

  it('generate, a record changes, regenerate: the comparison shows the figure, why, and the sentence', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    const admin = await userCtx(t.h, 'admin');
    await createLedgerEntry(admin, 'leaderDuty', meeting(t.orgs.rootId, '2025-03-01'));
    let r = await generateReport(staff, { year: 2025 });
    reportId = r.id;
    // the first version goes to review, so regenerating makes a second version
    r = await submitReport(staff, r.id, { version: r.current.version });
    await createLedgerEntry(admin, 'leaderDuty', meeting(t.orgs.rootId, '2025-06-01'));
    r = await generateReport(staff, { year: 2025 });
    expect(r.versions.map((v) => v.no)).toEqual([1, 2]);

    const c = await compareReportVersions(staff, reportId, { with: '1' });
    expect([c.older.no, c.newer.no]).toEqual([1, 2]);
    const f = c.figures.find((x) => x.metricId === 'oversight.leaders.meetings');
    expect(f).toMatchObject({ old: 1, new: 2, reason: 'records' });
    expect(f?.detail).toMatch(/自第1版生成以来,.+业务记录新增或修改1次/);
    // figures that did not move are not listed
    expect(c.figures.every((x) => x.old !== x.new || x.reason === 'mapping')).toBe(true);
    const s = c.sentences.find((x) => x.kind === 'changed' && x.old?.includes('研究法治建设1次'));
    expect(s?.new).toContain('研究法治建设2次');
    expect(s?.part).toBe('党政主要负责人履行推进法治建设第一责任人职责情况');
    // the same pair the other way round, and a version with itself: nothing changed
    expect((await compareReportVersions(staff, reportId, { with: '2', no: '1' })).newer.no).toBe(2);
    const same = await compareReportVersions(staff, reportId, { with: '2' });
    expect([same.figures, same.sentences]).toEqual([[], []]);
  });

  it('a returned version stays as submitted: the draft refreshed after it compares with it, and any two versions compare', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    const leader = await userCtx(t.h, 'leader');
    const admin = await userCtx(t.h, 'admin');
    let r = await generateReport(staff, { year: 2025 });
    r = await submitReport(staff, reportId, { version: r.current.version });
    r = await returnReport(leader, reportId, { version: r.current.version, reason: '请核实会议次数' });
    expect(r.versions.map((v) => `${v.no}${v.statusLabel}`)).toEqual(['1审核中', '2已退回', '3草稿']);
    // the draft is refreshed in place after a record changes: still version 3, compared with 2 as submitted
    await createLedgerEntry(admin, 'leaderDuty', meeting(t.orgs.rootId, '2025-09-01'));
    r = await generateReport(staff, { year: 2025 });
    expect(r.versions.map((v) => v.no)).toEqual([1, 2, 3]);
    const c = await compareReportVersions(staff, reportId, { with: '2' });
    expect([c.older, c.newer].map((v) => `${v.no}${v.statusLabel}`)).toEqual(['2已退回', '3草稿']);
    expect(c.figures.find((x) => x.metricId === 'oversight.leaders.meetings')).toMatchObject({
      old: 2,
      new: 3,
      reason: 'records',
    });
    expect(
      c.sentences.find((x) => x.kind === 'changed' && x.old?.includes('研究法治建设2次'))?.new,
    ).toContain('研究法治建设3次');
    // two versions neither of which is the current one (the first and the one returned), then both ends
    const meetings = async (a: string, b: number) =>
      (await compareReportVersions(staff, reportId, { with: a, no: b })).figures.find(
        (x) => x.metricId === 'oversight.leaders.meetings',
      );
    expect(await meetings('1', 2)).toMatchObject({ old: 1, new: 2 });
    expect(await meetings('3', 1)).toMatchObject({ old: 1, new: 3 });
  });

  it('over HTTP: 401 without a session, 400 without a version, 404 for a version that does not exist', async () => {
    const app: FastifyInstance = await buildApp({ handle: t.h, loginRateLimit: 1000 });
    try {
      const url = `/api/reports/${reportId}/compare`;
      expect((await app.inject({ url: `${url}?with=1` })).statusCode).toBe(401);
      const s = await loginAs(app, 'yfzs', 'Passw0rd-demo');
      const bad = await app.inject({ url, headers: s.headers });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('with');
      const missing = await app.inject({ url: `${url}?with=9`, headers: s.headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().detail).toBe('第 9 版不存在');
      const foreign = await app.inject({
        url: `/api/reports/0b6f7c1e-3a52-4f0e-9a51-2f1f3c4d5e6f/compare?with=1`,
        headers: s.headers,
      });
      expect(foreign.statusCode).toBe(404);
      const ok = await app.inject({ url: `${url}?with=1`, headers: s.headers });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().figures.map((x: { metricId: string }) => x.metricId)).toContain(
        'oversight.leaders.meetings',
      );
    } finally {
      await app.close();
    }
  });
});
