import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../../domains/oversight/assessment/columns.js';
import { indicatorXlsx, sampleIndicators } from '../../../domains/oversight/assessment/test-fixtures.js';
import { chromiumPresent, ensureWebBuilt, launchChromium } from '../../../test/browser.js';
import { startTestServer } from '../../../test/server.js';
import { expectNoOverflow, personAt } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

const [laptop, phone] = WIDTHS;

/** A unit opens its sheet from the 待填报 queue on its home page. */
async function openSheet(p: Page) {
  await p
    .getByTestId('queue-assessment-filling')
    .getByRole('link', { name: /年度法治政府建设考评/ })
    .click();
}

/** A unit fills its sheet: 1.1.1's note with `<file>.pdf` as its evidence, and 2.1's value. */
async function fillSheet(p: Page, note: string, file: string, value: string) {
  await p.getByLabel('1.1.1 说明', { exact: true }).fill(note);
  await p
    .locator('tr', { hasText: '权责清单动态调整' })
    .locator('input[type=file]')
    .setInputFiles({
      name: `${file}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n${file}\n%%EOF`),
    });
  await p.locator('.ant-upload-list-item', { hasText: `${file}.pdf` }).waitFor();
  await p.getByLabel('2.1 数值', { exact: true }).fill(value);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Waits for the answer of a POST whose path ends as given, and checks its status. */
async function posted(page: Page, ending: RegExp, click: () => Promise<void>, status = 200) {
  const answer = page.waitForResponse(
    (r) => ending.test(new URL(r.url()).pathname) && r.request().method() === 'POST',
  );
  await click();
  const res = await answer;
  expect(res.status(), await res.text()).toBe(status);
  return res;
}

/**
 * 考评 run the way the people who do it work: the office imports the indicator system from Excel
 * (a file whose points do not add up is refused, row and column named) and opens a round; the
 * unit finds it on its home page, at a phone, files with 佐证 and submits; the reviewer takes the
 * figures from the records, scores with comments; the office publishes; the unit sees its score
 * and the ranking. Any console error or sideways scroll fails it.
 */
describe.skipIf(!chromiumPresent())('考评 from edition import to ranking, in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'fazhi-assessment-')) });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports, submits, scores and ranks', async () => {
    const password = server.adminPassword;
    const office = await personAt(browser, server.url, laptop, 'yfzs', password);
    const o = office.page;

    // 导入指标体系: a file whose points do not add up is refused with the row and column
    await o.goto(`${server.url}/oversight/assessment`);
    await o.getByRole('button', { name: '导入指标体系' }).click();
    const modal = o.locator('.ant-modal-content');
    await modal.getByLabel('指标体系名称', { exact: true }).fill('法治政府建设考评指标');
    /** 指标.xlsx of `rows` chosen in the dialog and imported, answered `status` */
    const importIndicators = async (rows: IndicatorRow[], status: number) => {
      await modal
        .locator('input[type=file]')
        .setInputFiles({ name: '指标.xlsx', mimeType: XLSX_TYPE, buffer: await indicatorXlsx(rows) });
      await posted(
        o,
        /assessment-editions\/import$/,
        () => modal.getByRole('button', { name: /导\s*入/ }).click(),
        status,
      );
    };
    const bad = sampleIndicators.map((r) => (r.code === '2.1' ? { ...r, weight: '30.0' } : r));
    await importIndicators(bad, 400);
    const problem = modal.locator('tr', { hasText: '的下级指标分值合计为 30 分,应等于其分值 40 分' });
    await expect(problem.locator('td').first().textContent()).resolves.toBe('6');
    await expect(problem.locator('td').nth(1).textContent()).resolves.toBe('分值');
    // the refusal is the one failed request the browser reports; nothing else went wrong
    expect(office.errors).toEqual([expect.stringContaining('status of 400')]);
    office.errors.length = 0;
    await modal.locator('.ant-upload-list-item').hover();
    await modal.locator('.ant-upload-list-item button').click();
    await importIndicators(sampleIndicators, 201);
    await o.getByRole('button', { name: '法治政府建设考评指标(第 1 版)' }).waitFor();

    // 组织考评 for 市场监管局 and a township
    await o.getByRole('button', { name: '组织考评' }).click();
    const form = o.locator('.ant-modal-content');
    await form
      .locator('.ant-form-item', { has: o.getByLabel('考评指标体系', { exact: true }) })
      .locator('.ant-select-selector')
      .click();
    await o
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '法治政府建设考评指标' })
      .click();
    await o.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await form.getByLabel('考评名称', { exact: true }).fill('年度法治政府建设考评');
    const units = form.locator('.ant-form-item', { has: o.getByLabel('被考评单位', { exact: true }) });
    for (const name of ['开远市市场监督管理局', '开远市灵泉街道办事处']) {
      await units.locator('.ant-select-selector').click();
      await o.keyboard.type(name);
      await o.locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${name}$`) }).click();
    }
    await o.locator('.ant-modal-title').click();
    await o.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await posted(o, /assessment-rounds$/, () => form.getByRole('button', { name: /发\s*起/ }).click(), 201);
    await o.getByRole('link', { name: '年度法治政府建设考评' }).waitFor();
    await expectNoOverflow(o, '考评组织');

    // the unit, at a phone: its home page lists the sheet to fill
    const unit = await personAt(browser, server.url, phone, 'scjg', password);
    const u = unit.page;
    await openSheet(u);
    await u.waitForURL(/\/oversight\/assessment\/units\//);
    const sheetUrl = u.url();
    await fillSheet(u, '全年动态调整权责清单 2 次', '调整文件', '30');
    await u.getByLabel('2.1 说明', { exact: true }).fill('人均培训学时(按培训台账)');
    await expectNoOverflow(u, '考评填报');
    await posted(u, /\/submit$/, () => u.getByRole('button', { name: /报\s*送/ }).click());
    await u.getByText('待赋分').first().waitFor();
    await expectNoOverflow(u, '已报送');

    // the township files and submits too (its own person)
    const town = await personAt(browser, server.url, laptop, 'township', password);
    const t = town.page;
    await openSheet(t);
    await fillSheet(t, '已按要求调整', '清单', '40');
    await posted(t, /\/submit$/, () => t.getByRole('button', { name: /报\s*送/ }).click());

    // the reviewer: 自动取数, then 审核赋分 each unit from the 待赋分 queue
    await o.goto(`${server.url}/`);
    await o.getByTestId('queue-assessment-submitted').getByRole('link').first().waitFor();
    await o.goto(`${server.url}/oversight/assessment`);
    await o.getByRole('link', { name: '年度法治政府建设考评' }).click();
    await posted(o, /\/figures$/, () => o.getByRole('button', { name: '自动取数' }).click());
    for (const [org, score] of [
      ['市场监督管理局', '36'],
      ['灵泉街道', '40'],
    ] as const) {
      await o.locator('tr', { hasText: org }).getByRole('link', { name: '查看' }).click();
      await o.waitForURL(/\/oversight\/assessment\/units\//);
      // the proportional indicator is scored from the filed value; the reviewer may change it
      await o.getByLabel('1.1.1 得分', { exact: true }).fill(score);
      await o.getByLabel('1.1.1 意见', { exact: true }).fill(score === '40' ? '材料齐全' : '调整文件未盖章');
      await posted(o, /\/review$/, () => o.getByRole('button', { name: '完成赋分' }).click());
      await o.getByText('已赋分').first().waitFor();
      await o.goBack();
    }
    await posted(o, /\/publish$/, () => o.getByRole('button', { name: '发布结果' }).click());
    await o.getByText('发布').first().waitFor();

    // the unit sees its score, rank and the reviewer's comment
    await u.goto(sheetUrl);
    await u.getByText('第 2 名').waitFor();
    await u.getByText('调整文件未盖章').waitFor();
    const ranking = u.locator('.ant-card', { hasText: '考评排名' });
    await expect(ranking.locator('tbody tr').first().textContent()).resolves.toContain('灵泉街道');
    await expectNoOverflow(u, '考评结果');

    expect([...office.errors, ...unit.errors, ...town.errors]).toEqual([]);
    await office.close();
    await unit.close();
    await town.close();
  }, 300_000);
});
