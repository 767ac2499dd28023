import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../test/axe.js';
import { chromiumPresent } from '../test/browser.js';
import { expectNoOverflow, firstDetailPages, walkSetup } from '../test/walk.js';
import { WIDTHS } from '../test/widths.js';

/**
 * The public site as a citizen meets it, on a laptop and on a phone: every page in the one frame
 * (masthead, navigation, breadcrumbs, the 主办单位 / 网站标识码 / 备案号 footer), nothing to scroll
 * sideways, no WCAG 2.1 AA violation that axe-core finds, and the 适老化 larger-text switch.
 */
describe.skipIf(!chromiumPresent())('the public site in a browser', () => {
  const walk = walkSetup({ fullDemo: true, scale: 0.05 }, { webApp: false, timeoutMs: 1_200_000 });
  const pages: string[] = ['/portal', '/portal/publications', '/portal/inspections', '/portal/reports'];

  beforeAll(async () => {
    // one detail page of each kind, as the lists link them
    pages.push(
      ...(await firstDetailPages(walk.browser, walk.server.url, [
        ['/portal/publications', /\/portal\/publications\/[0-9a-f-]{36}$/],
        ['/portal/inspections', /\/portal\/inspections\/[0-9a-f-]{36}$/],
        ['/portal/reports', /\/portal\/reports\/[0-9a-f-]{36}$/],
      ])),
    );
  }, 600_000);

  it('has a detail page of each kind to check', () => {
    expect(pages.length).toBe(7);
  });

  it.each(WIDTHS)(
    'every public page at $name px: frame, no overflow, no axe violation',
    async (w) => {
      const context = await walk.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      const page: Page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
      });
      for (const path of pages) {
        await page.goto(`${walk.server.url}${path}`);
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
    const page = await walk.browser.newPage({ locale: 'zh-CN' });
    for (const path of ['/portal/publications', '/portal/inspections']) {
      await page.goto(`${walk.server.url}${path}`);
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
    const context = await walk.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${walk.server.url}/portal/reports`);
    const size = () => page.evaluate(() => getComputedStyle(document.body).fontSize);
    const normal = await size();
    await page.getByRole('link', { name: '大字版(适老化)' }).click();
    await page.waitForURL(`${walk.server.url}/portal/reports`);
    const large = await size();
    expect(Number.parseFloat(large)).toBeGreaterThan(Number.parseFloat(normal));
    await page.goto(`${walk.server.url}/portal/publications`);
    await expect(size()).resolves.toBe(large);
    await expectNoOverflow(page, '大字版');
    await page.getByRole('link', { name: '标准字号' }).click();
    await expect(size()).resolves.toBe(normal);
    await context.close();
  });
});
