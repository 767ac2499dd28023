import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { PartKey } from '../report-model.js';
import { loginAs } from '../../test/app.js';
import { fullWidth as fw } from '../punctuation.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { buildApp } from '../../server/app.js';
import type { DemoOrgs } from '../../domains/org/seed.js';
import {
  approvePart,
  editNarratives,
  generateReport,
  getReport,
  getReportVersion,
  publishReport,
  returnReport,
  submitReport,
} from './report-service.js';
import { fileAcceptedFigure, seedDemoOrgs, userCtx } from './test-fixtures.js';
import { refusalOf } from '../../test/ctx.js';

/** Files one accepted figure of 2025 for the county itself. */
const fileFigure = async (h: DatabaseHandle, orgs: DemoOrgs, metricId: string, value: number, unit: string) =>
  fileAcceptedFigure(await userCtx(h, 'admin'), orgs.rootId, orgs.rootId, { metricId, value, unit });

describe.each(testEngines())('annual report workflow on $name', (engine) => {
  let reportId: string;

  const t = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    // typed-in figures of a group no ledger counts (复议 and the like come from records)
    await fileFigure(h, orgs, 'rpt.govService.m07', 18, '件');
    return { orgs };
  });

  it('generates a draft from the figures, with the deadlines of the year', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    const r = await generateReport(staff, { year: 2025 });
    reportId = r.id;
    expect(r.current).toMatchObject({ no: 1, statusLabel: '草稿' });
    expect(r.current.content.deadlines).toEqual({ submitBy: '2026-04-01', publishBy: '2026-04-01' });
    expect(r.dueState).toBe('normal');
    const lateCtx = { ...staff, now: () => new Date('2026-04-02T02:00:00Z') };
    expect((await getReport(lateCtx, r.id)).dueState).toBe('overdue');
    expect(JSON.stringify(r.current.content.parts[0])).toContain(fw('政务服务办件数(集中审批)18件'));
    const unit = await userCtx(t.h, 'scjg');
    expect((await refusalOf(generateReport(unit, { year: 2025 }))).kind).toBe('forbidden');
  });

  it('refreshes a draft in place and keeps the staff text', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    let r = await getReport(staff, reportId);
    r = await editNarratives(staff, reportId, {
      version: r.current.version,
      narratives: {
        'part:shortcomings': '一是基层法治力量薄弱。',
        'section:decisions': '重大行政决策程序全面落实。',
      },
    });
    await fileFigure(t.h, t.orgs, 'rpt.govService.m06', 15, '个');
    r = await generateReport(staff, { year: 2025 });
    expect(r.versions).toHaveLength(1);
    const functions = r.current.content.parts[0]?.sections.find((s) => s.key === 'functions');
    expect(functions?.sentences.map((x) => x.text).join('')).toContain(
      fw('政务服务事项数(集中审批)15个,政务服务办件数(集中审批)18件'),
    );
    const decisions = r.current.content.parts[0]?.sections.find((s) => s.key === 'decisions');
    expect(decisions?.narrative).toBe('重大行政决策程序全面落实。');
    expect(r.current.content.parts[1]?.narrative).toBe('一是基层法治力量薄弱。');
    const bad = await refusalOf(
      editNarratives(staff, reportId, { version: r.current.version, narratives: { 'section:nope': 'x' } }),
    );
    expect(bad.code).toBe('report.badNarrative');
  });

  it('refuses to publish with unapproved parts and to approve an unwritten part', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    let r = await getReport(staff, reportId);
    r = await submitReport(staff, reportId, { version: r.current.version });
    expect(r.current.statusLabel).toBe('审核中');
    const leader = await userCtx(t.h, 'leader');
    r = await approvePart(leader, reportId, { version: r.current.version, part: 'achievements' });
    const early = await refusalOf(publishReport(staff, reportId, { version: r.current.version }));
    expect(early.code).toBe('report.partsUnapproved');
    expect(early.message).toContain('二、存在的不足和原因');
    expect(early.message).not.toContain('一、');
    const empty = await refusalOf(
      approvePart(leader, reportId, { version: r.current.version, part: 'nextYear' }),
    );
    expect(empty.code).toBe('report.emptyPart');
    // back to the drafters to write the missing parts
    r = await returnReport(leader, reportId, { version: r.current.version, reason: '请补充下一年度安排' });
    // the submitted version stays as submitted; the drafters go on in a new draft
    expect(r.versions.map((v) => `${v.no}${v.statusLabel}`)).toEqual(['1已退回', '2草稿']);
    expect(r.current.content.parts.every((p) => !p.approved)).toBe(true);
    const returned = await getReportVersion(staff, reportId, 1);
    expect(returned.content.parts.find((p) => p.key === 'achievements')?.approved).toBe(true);
    expect(returned.content.parts.map((p) => p.sections)).toEqual(
      r.current.content.parts.map((p) => p.sections),
    );
    // approving now meets the new draft: nothing to approve until it is submitted again
    const late = await refusalOf(approvePart(leader, reportId, { version: returned.version, part: 'other' }));
    expect(late.code).toBe('report.badState');
  });

  it('publishes once every part is approved; regenerating then makes a new draft and leaves the published version as it was', async () => {
    const staff = await userCtx(t.h, 'yfzs');
    const leader = await userCtx(t.h, 'leader');
    let r = await getReport(staff, reportId);
    r = await editNarratives(staff, reportId, {
      version: r.current.version,
      narratives: { 'part:nextYear': '2026年,将持续深化复议体制改革。', 'part:other': '无。' },
    });
    r = await submitReport(staff, reportId, { version: r.current.version });
    for (const part of PartKey) r = await approvePart(leader, reportId, { version: r.current.version, part });
    expect(r.current.statusLabel).toBe('已审核');
    expect((await refusalOf(publishReport(leader, reportId, { version: r.current.version }))).kind).toBe(
      'forbidden',
    );
    r = await publishReport(staff, reportId, { version: r.current.version });
    expect(r.current.statusLabel).toBe('已发布');
    expect(r.dueState).toBeNull();
    const published = r.current;

    await fileFigure(t.h, t.orgs, 'rpt.govService.m09', 9, '件');
    r = await generateReport(staff, { year: 2025 });
    expect(r.versions.map((v) => v.statusLabel)).toEqual(['已退回', '已发布', '草稿']);
    expect(r.current.no).toBe(3);
    expect(JSON.stringify(r.current.content)).toContain(fw('政务服务办件数(证明事项告知承诺制)9件'));
    expect(r.current.content.parts[3]?.narrative).toBe('2026年,将持续深化复议体制改革。');
    const v2 = await getReportVersion(staff, reportId, 2);
    expect(v2.content).toEqual(published.content);
    expect(v2.version).toBe(published.version);
  });

  it('serves the .docx to staff and the published version on the public portal', async () => {
    const app: FastifyInstance = await buildApp({ handle: t.h, loginRateLimit: 1000 });
    try {
      const s = await loginAs(app, 'yfzs', 'Passw0rd-demo');
      const docx = await app.inject({ url: `/api/reports/${reportId}/docx?no=1`, headers: s.headers });
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
      expect(xml).toContain(fw('政务服务事项数(集中审批)15个'));
      expect((await app.inject({ url: `/api/reports/${reportId}/docx` })).statusCode).toBe(401);
      const portal = await app.inject({ url: '/api/portal/reports' });
      expect(portal.statusCode).toBe(200);
      const items = portal.json().items as { id: string; title: string }[];
      expect(items.map((i) => i.title)).toEqual(['开远市人民政府关于2025年度法治政府建设工作情况的报告']);
      const page = await app.inject({ url: `/api/portal/reports/${items[0]?.id}` });
      expect(page.body).toContain(fw('政务服务事项数(集中审批)15个'));
      expect(page.body).not.toContain(fw('告知承诺制)9件')); // the new draft is not public
      expect(page.body).not.toContain('/api/metrics/');
      const index = await app.inject({ url: '/portal/reports' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain(
        `<a href="/portal/reports/${items[0]?.id}">开远市人民政府关于2025年度法治政府建设工作情况的报告</a>`,
      );
      const full = await app.inject({ url: `/portal/reports/${items[0]?.id}` });
      expect(full.body).toContain(fw('政务服务事项数(集中审批)15个'));
      expect((await app.inject({ url: `/portal/reports/${reportId}` })).statusCode).toBe(404); // a report id is not a published version
    } finally {
      await app.close();
    }
  });
});
