import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrgs } from '../domains/org/seed.js';
import { seedPlanning } from '../report/planning/seed.js';
import { seedDemoOrgs, systemAt } from '../report/planning/test-fixtures.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { testEngines } from '../test/db.js';
import { formatFigures, metricsForYear, resolveOrgCode, writeReportDocx } from './report.js';

describe.each(testEngines())('fazhi metrics / fazhi report docx on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  const today = '2026-11-23';

  beforeAll(async () => {
    h = await engine.open();
    orgs = await seedDemoOrgs(h);
    await seedPlanning(systemAt(h, new Date(`${today}T02:00:00Z`)), { year: 2025, today, log: () => {} });
  });
  afterAll(() => h.close());

  it('finds an org by region code, name or id, and defaults to the root', async () => {
    expect(await resolveOrgCode(h.db)).toBe(orgs.rootId);
    expect(await resolveOrgCode(h.db, '532502')).toBe(orgs.rootId);
    expect(await resolveOrgCode(h.db, '开远市市场监督管理局')).toBe(orgs.departments.get('市场监管局'));
    await expect(resolveOrgCode(h.db, '999999')).rejects.toThrow('找不到机构');
  });

  it('prints every figure of the year, "未填报" where there is no data', async () => {
    const figures = await metricsForYear(systemAt(h), 2025, '532502');
    const text = formatFigures(figures);
    expect(text).toContain('rpt.emergency.m10\t检查家次·安全生产\t2310家次\t填报');
    expect(text).toMatch(/rpt\.emergency\.m01\t[^\t]+\t未填报/);
  });

  it('writes the year’s report as a .docx with the figure sentences', async () => {
    const out = path.join(os.tmpdir(), `fazhi-report-${process.pid}-${engine.name}.docx`);
    const title = await writeReportDocx(systemAt(h), { year: 2025, out });
    expect(title).toBe('开远市人民政府关于2025年度法治政府建设工作情况的报告');
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out)))
      .file('word/document.xml')
      ?.async('string');
    // typed-in figures only for what no ledger counts; the 复议 ledger's figures come from records
    expect(xml).toContain('政务服务方面\uFF0C政务服务办件数\uFF08集中审批\uFF0941260件。');
    expect(xml).not.toContain('行政复议申请21件');
    expect(xml).toContain('一是法治建设发展不够平衡');
    fs.rmSync(out);
  });
});
