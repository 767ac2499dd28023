import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, ensureWebBuilt, launchChromium, ROOT } from '../../src/test/browser.js';
import { startTestServer } from '../../src/test/server.js';
import { motionAtRest } from '../../src/test/walk.js';

/**
 * The web app in a real browser against the real server (fresh in-memory database with the
 * demo county): log in, see the home page and the 系统管理 menu, open 机构管理.
 */
const SHOTS = path.join(ROOT, '.tmp/screenshots');
const present = chromiumPresent();

const GREETING = /(夜深了|上午好|中午好|下午好|晚上好),系统管理员/;

async function login(page: Page, url: string, password: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/login$/);
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText(GREETING).waitFor();
}

describe.skipIf(!present)('web app in a browser', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password in Chinese, then logs admin in to the home page and 机构管理', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));

    await page.goto(server.url);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: '法治政府建设一体化平台' }).waitFor();
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').waitFor();

    await login(page, server.url, server.adminPassword);
    await page.getByText('开远市司法局').first().waitFor(); // the user's org on the home page
    const menu = page.locator('.ant-layout-sider .ant-menu');
    await menu.getByText('系统管理').click();
    await menu.getByText('机构管理').click();
    await page.waitForURL(/\/admin\/orgs$/);

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '政府工作部门' }).first().waitFor();
    await expect(
      page
        .getByText(/共 \d+ 条/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    // filter by name: only the 司法局 rows remain
    await page.getByPlaceholder('名称或简称').fill('司法局');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const names = () => rows.locator('td:first-child').allInnerTexts();
    await expect
      .poll(async () => (await names()).every((n) => n.includes('司法')), { timeout: 10_000 })
      .toBe(true);
    expect(await names()).toContain('开远市司法局(司法局)');

    await page.screenshot({ path: path.join(SHOTS, 'admin-orgs-1366.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('on a phone the side menu is a drawer and tables scroll sideways', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await login(page, server.url, server.adminPassword);
    await expect(page.locator('.ant-layout-sider').count()).resolves.toBe(0);

    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.locator('.ant-drawer-content');
    // the drawer slides in and the group unfolds in motion steps: aim only at rest
    await motionAtRest(page);
    await drawer.getByText('系统管理').click();
    await drawer.locator('.ant-menu-submenu-open').getByText('用户管理').waitFor();
    await motionAtRest(page);
    await drawer.getByText('用户管理').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'admin' }).first().waitFor();

    // the page itself must not scroll sideways; the table does, inside its own box
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'admin-users-390.png'), fullPage: true });
    await context.close();
  });
});
