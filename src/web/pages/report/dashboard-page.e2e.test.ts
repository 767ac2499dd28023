import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficers } from '../../../domains/enforcement/seed-officers.js';
import { seedInspection } from '../../../domains/inspection/seed.js';
import { demoUscc, seedOrgs } from '../../../domains/org/seed.js';
import { chinaDate, systemCtx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { testEngines } from '../../../test/db.js';

/** The 驾驶舱 in a real browser, on a desktop and on a phone, over the inspection demo. */
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

describe.skipIf(!present)('驾驶舱 in a browser', () => {
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
    await seedOfficers(ctx, today);
    await seedInspection(ctx, { year: Number(today.slice(0, 4)) - 1, today, log: () => {} });
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

  it('shows key figures against last year, the ranking and trend charts and the due table', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, url, 'leader');
    await page.goto(`${url}/report/dashboard`);
    await page.getByText('驾驶舱 · 开远市人民政府').waitFor();
    await page.getByText('较上年', { exact: false }).first().waitFor();
    await expect(page.locator('canvas').count()).resolves.toBeGreaterThanOrEqual(2);
    const due = page.locator('.ant-table-row', { hasText: '抽查结果公示期限' });
    await expect(due.getByRole('link', { name: '查看' }).getAttribute('href')).resolves.toBe(
      '/inspection/results',
    );
    expect(errors).toEqual([]);
  });

  it('fits a phone: cards wrap and charts shrink to the screen', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    await login(page, url, 'leader');
    await page.goto(`${url}/report/dashboard`);
    await page.getByText('较上年', { exact: false }).first().waitFor();
    await page.locator('canvas').first().waitFor();
    const widths = await page
      .locator('canvas')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths.every((w) => w > 200 && w <= 390)).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ROOT, '.tmp/dashboard-phone.png'), fullPage: true });
  });
});
