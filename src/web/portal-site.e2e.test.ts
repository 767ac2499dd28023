import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe.js';
import { chromiumPresent, launchChromium } from '../test/browser.js';
import { startTestServer } from '../test/server.js';
import { expectNoOverflow } from '../test/walk.js';
import { WIDTHS } from '../test/widths.js';

/**
 * The public site as a citizen meets it, on a laptop and on a phone: every page in the one frame
 * (masthead, navigation, breadcrumbs, the 主办单位 / 网站标识码 / 备案号 footer), nothing to scroll
 * sideways, no WCAG 2.1 AA violation that axe-core finds, and the 适老化 larger-text switch.
 */
describe.skipIf(!chromiumPresent())('the public site in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const pages: string[] = ['/portal', '/portal/publications', '/portal/inspections', '/portal/reports'];

  beforeAll(async () => {
    server = await startTestServer({ fullDemo: true, scale: 0.05 });
    browser = await launchChromium();
    // one detail page of each kind, as the lists link them
    const page = await browser.newPage();
    for (const [list, pattern] of [
      ['/portal/publications', /\/portal\/publications\/[0-9a-f-]{36}$/],
      ['/portal/inspections', /\/portal\/inspections\/[0-9a-f-]{36}$/],
      ['/portal/reports', /\/portal\/reports\/[0-9a-f-]{36}$/],
    ] as const) {
      await page.goto(`${server.url}${list}`);
      const hrefs = await page
        .locator('main a')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const detail = hrefs.find((h) => pattern.test(h));
      if (detail) pages.push(new URL(detail).pathname);
    }
    await page.close();
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a detail page of each kind to check', () => {
    expect(pages.length).toBe(7);
  });

  it.each(WIDTHS)(
    'every public page at $name px: frame, no overflow, no axe violation',
    async (w) => {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      const page: Page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
      });
      for (const path of pages) {
        await page.goto(`${server.url}${path}`);
        await expect(page.locator('header.masthead').textContent(), path).resolves.toContain(
          '法治政府建设信息公开',
        );
        await expect(page.locator('footer.site').textContent(), path).resolves.toMatch(
          /主办单位:.+网站标识码:\d+/s,
        );
        await expect(page.getByRole('navigation', { name: '网站导航' }).count(), path).resolves.toBe(1);
        if (path !== '/portal')
          await expect(page.getByRole('navigation', { name: '当前位置' }).count(), path).resolves.toBe(1);
        await expectNoOverflow(page, `${path} at ${w.name}`);
        const violations = await axeViolations(page);
        expect(violations, `${path} at ${w.name}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
    300_000,
  );

  it('lists the 部门 a citizen picks from in 拼音 order (issue #11: the list was unsorted)', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    for (const path of ['/portal/publications', '/portal/inspections']) {
      await page.goto(`${server.url}${path}`);
      const { names, sorted } = await page.evaluate(() => {
        const names = [...document.querySelectorAll('select[name="orgId"] option')]
          .map((o) => o.textContent ?? '')
          .filter((n) => n !== '全部');
        const collator = new Intl.Collator('zh-CN-u-co-pinyin');
        return { names, sorted: [...names].sort(collator.compare) };
      });
      expect(names.length, path).toBeGreaterThan(1);
      expect(names, path).toEqual(sorted);
    }
    await page.close();
  });

  it('适老化: 大字版 makes the text larger on every page until switched back, without script', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/portal/reports`);
    const size = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
    const normal = await size();
    await page.getByRole('link', { name: '大字版(适老化)' }).click();
    await page.waitForURL(`${server.url}/portal/reports`);
    const large = await size();
    expect(Number.parseFloat(large)).toBeGreaterThan(Number.parseFloat(normal));
    await page.goto(`${server.url}/portal/publications`);
    await expect(size()).resolves.toBe(large);
    await expectNoOverflow(page, '大字版');
    await page.getByRole('link', { name: '标准字号' }).click();
    await expect(size()).resolves.toBe(normal);
    await context.close();
  });
});
