import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlanning } from '../../../domains/planning/seed.js';
import { demoUscc, seedOrgs } from '../../../domains/org/seed.js';
import { chinaDate, systemCtx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { testEngines } from '../../../test/db.js';

/**
 * The report screens in a real browser over the demo figures of last year: the figure table
 * with its records, the published report, and a unit filling this year's call.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
// the app as `npm test` builds it (scripts/test.mjs); built here only when missing
const WEB = path.join(ROOT, 'dist/web');
const present = existsSync(CHROMIUM);
if (!present && process.env.CI === 'true') throw new Error(`未找到 ${CHROMIUM}:CI 必须安装 chromium`);
const PASSWORD = 'Browser-passw0rd';

async function login(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

describe.skipIf(!present)('report screens in a browser', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    if (!existsSync(path.join(WEB, 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    }
    const engine = testEngines().find((e) => e.name === 'pglite');
    if (!engine) throw new Error('no PGlite');
    handle = await engine.open();
    const ctx = systemCtx(handle.db);
    await seedOrgs(ctx, PASSWORD, demoUscc);
    const today = chinaDate(new Date());
    await seedPlanning(ctx, { year: Number(today.slice(0, 4)) - 1, today, log: () => {} });
    app = await buildApp({ handle, webDir: WEB, loginRateLimit: 1000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await handle?.close();
  });

  it('shows last year’s figures and the records behind one', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, url, 'yfzs');
    await page.goto(`${url}/report/metrics`);
    const row = page.locator('.ant-table-row', { hasText: '矛盾纠纷调解数' }).first();
    await row.getByRole('button', { name: '2310件' }).click();
    const modal = page.locator('.ant-modal', { hasText: '矛盾纠纷调解数:明细' });
    await modal.getByText('330件', { exact: false }).first().waitFor();
    // every unit of the call answered; the seven townships filed the county's 2310
    const rows = await modal.locator('.ant-table-row').allInnerTexts();
    expect(rows.filter((r) => r.includes('填报 330件'))).toHaveLength(7);
    expect(rows.every((r) => r.includes('数据填报:') && r.includes('(已采纳)'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens the published report with its generated sentences', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await login(page, url, 'yfzs');
    await page.goto(`${url}/report/reports`);
    await page
      .locator('.ant-table-row', { hasText: '已发布' })
      .getByRole('button', { name: '开远市人民政府' })
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(/全年收到行政复议申请21件,受理19件,办结17件/).waitFor();
    await expect(drawer.getByText('已审核(系统)').count()).resolves.toBe(5);
  });

  it('lets a unit fill this year’s call: computed lines read-only, then submit', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await login(page, url, 'scjg');
    await page.goto(`${url}/report/submissions`);
    await page
      .locator('.ant-table-row', { hasText: '待填报' })
      .getByRole('button', { name: /上半年/ })
      .click();
    const modal = page.locator('.ant-modal', { hasText: '上半年' });
    await modal.getByText('平台计算').waitFor();
    const inputs = modal.locator('input.ant-input-number-input');
    await expect(inputs.count()).resolves.toBe(2); // the computed line has no input
    await inputs.nth(0).fill('4');
    await inputs.nth(1).fill('12');
    await modal.getByRole('button', { name: '保存并提交' }).click();
    await page.getByText('已提交审核').first().waitFor();
    await modal.locator('.ant-modal-close').click();
    await page.locator('.ant-table-row', { hasText: '已提交待审核' }).waitFor();
  });
});
