import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../../test/axe.js';
import { chromiumPresent, launchChromium } from '../../../test/browser.js';
import { startTestServer } from '../../../test/server.js';
import { expectNoOverflow, firstDetailPages } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';
import { seedLegality } from '../seed.js';

/**
 * 规范性文件库, 决策目录 and 意见征集 as a citizen meets them, on a laptop and on a phone: nothing
 * to scroll sideways, no WCAG 2.1 AA violation axe-core finds, and a comment sent from the page.
 */
describe.skipIf(!chromiumPresent())('the legality public pages in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const year = new Date().getFullYear() - 1;
  const pages: string[] = ['/portal/documents', `/portal/decisions?year=${year}`, '/portal/consultations'];

  beforeAll(async () => {
    server = await startTestServer({
      seed: (ctx, today) => seedLegality(ctx, { year, today, log: () => {}, scale: 0.1 }),
    });
    browser = await launchChromium();
    pages.push(
      ...(await firstDetailPages(browser, server.url, [
        ['/portal/documents', /\/portal\/documents\/[0-9a-f-]{36}$/],
        [`/portal/decisions?year=${year}`, /\/portal\/decisions\/[0-9a-f-]{36}$/],
        ['/portal/consultations', /\/portal\/consultations\/document\/[0-9a-f-]{36}$/],
      ])),
    );
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a detail page of each kind to check', () => {
    expect(pages.length).toBe(6);
  });

  it.each(WIDTHS)(
    'every legality public page at $name px: no overflow, no axe violation',
    async (w) => {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(`${server.url}${path}`);
        await expect(page.getByRole('navigation', { name: '当前位置' }).count(), path).resolves.toBe(1);
        await expectNoOverflow(page, `${path} at ${w.name}`);
        expect(await axeViolations(page), `${path} at ${w.name}`).toEqual([]);
      }
      await context.close();
    },
    300_000,
  );

  it('sends a comment from the page without script and shows its receipt number', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const open = pages.find((p) => p.startsWith('/portal/consultations/'));
    await page.goto(`${server.url}${open}`);
    await page.getByLabel(/意见内容/).fill('建议明确犬只登记的办理地点。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/回执号 YJ\d{8}[0-9A-Z]{6}/);
    await context.close();
  });
});
