import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOfficers } from '../../../domains/enforcement/officers/seed.js';
import { seedPowers } from '../../../domains/enforcement/power-list/seed.js';
import { seedPowersLists } from '../../../domains/powers/seed.js';
import { chromiumPresent, loginInBrowser, ROOT } from '../../../test/browser.js';
import { pick, walkSetup } from '../../../test/walk.js';

/** The four 清单管理 pages in a real browser: tables, the revision drawer, and an import refused row by row. */
describe.skipIf(!chromiumPresent())('清单管理 pages in a browser', () => {
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(ROOT, '.tmp', `powers-${name}.png`) });

  const walk = walkSetup({
    seed: async (ctx, today) => {
      await seedPowers(ctx, await seedOfficers(ctx, today));
      await seedPowersLists(ctx, { log: () => {} });
    },
  });
  beforeAll(async () => {
    page = await walk.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await loginInBrowser(page, walk.server.url, 'admin', walk.server.adminPassword);
  }, 240_000);

  // a page whose first rows need not show `text` (the ledger is in org-tree order, and the tree's
  // order of sibling units differs between databases) is filtered to it first
  it.each([
    ['licenses', '食品经营许可', '个工作日', { label: '名称/编码', param: 'q' }],
    ['matters', '行政处罚', '执法', null],
    ['leniency', '不予处罚', '第三十三条', null],
    ['discretion', '食品安全法', '元', { label: '处罚依据', param: 'lawName' }],
  ] as const)('/powers/%s lists entries with their legal basis', async (p, text, more, filter) => {
    await page.goto(`${walk.server.url}/powers/${p}`);
    await page.waitForSelector('.ant-table-row', { timeout: 60_000 });
    if (filter) {
      await page.getByLabel(filter.label, { exact: true }).fill(text);
      // the filtered list has arrived when its answer has, not after a guessed pause
      const answered = page.waitForResponse(
        (r) => r.url().includes(`/api/powers/`) && r.url().includes(`${filter.param}=`),
      );
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await answered;
    }
    // the rows are rendered when the table shows what the page is about
    const tbody = page.locator('.ant-table-tbody');
    await tbody.filter({ hasText: text }).waitFor({ timeout: 60_000 });
    await tbody.filter({ hasText: more }).waitFor({ timeout: 60_000 });
    expect((await page.locator('.ant-pagination-total-text').textContent()) ?? '').toMatch(/共 \d+ 条/);
    await shot(p);
  });

  it('shows an entry with its revision history', async () => {
    await page.goto(`${walk.server.url}/powers/discretion`);
    await page.waitForSelector('.ant-table-row');
    await page
      .getByRole('button', { name: /详\s*情/ })
      .first()
      .click();
    await page.waitForSelector('.ant-timeline');
    const drawer = (await page.locator('.ant-drawer-body').textContent()) ?? '';
    expect(drawer).toContain('第1版 · 新增');
    expect(drawer).toContain('罚款幅度');
    await shot('drawer');
    await page.keyboard.press('Escape');
  });

  it('lists every problem of a refused import, row by row', async () => {
    await page.goto(`${walk.server.url}/powers/licenses`);
    await page.waitForSelector('.ant-table-row');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('行政许可事项清单');
    ws.addRow([
      '事项编码',
      '事项名称',
      '所属单位',
      '实施机关',
      '设定依据(法律法规名称)',
      '设定依据(条款)',
      '审批层级',
    ]);
    ws.addRow(['E2E-1', '测试许可', '不存在的单位', '某局', '某法', '第一条', '县级']);
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    const modal = page.locator('.ant-modal-content').filter({ hasText: '未导入' });
    await modal.waitFor({ timeout: 20_000 });
    const text = (await modal.textContent()) ?? '';
    expect(text).toContain('未导入');
    expect(text).toContain('法定办结时限(工作日)');
    await shot('import-errors');
  });

  it('offers the orgs the user may see in the 单位 filter and as a new entry’s 所属单位', async () => {
    await page.goto(`${walk.server.url}/powers/leniency`);
    await page.waitForSelector('.ant-table-row');
    await pick(page, '单位', 1);
    await page.getByRole('button', { name: /新\s*增/ }).click();
    await pick(page, '所属单位', 1);
  });
});
