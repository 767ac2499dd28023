import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedOfficers } from '../../../domains/enforcement/officers/seed.js';
import { seedInspection } from '../../../domains/inspection/seed.js';
import { chromiumPresent, ROOT } from '../../../test/browser.js';
import { openAs, walkSetup } from '../../../test/walk.js';

/** The 驾驶舱 in a real browser, on a desktop and on a phone, over the inspection demo. */
describe.skipIf(!chromiumPresent())('驾驶舱 in a browser', () => {
  const walk = walkSetup({
    seed: async (ctx, today) => {
      await seedOfficers(ctx, today);
      await seedInspection(ctx, { year: Number(today.slice(0, 4)) - 1, today, log: () => {} });
    },
  });

  it('shows key figures against last year, the ranking and trend charts and the due table', async () => {
    const page = await walk.browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openAs(walk, page, 'leader', '/report/dashboard');
    await page.getByText('驾驶舱 · 开远市人民政府').waitFor();
    await page.getByText('较上年', { exact: false }).first().waitFor();
    await expect(page.locator('canvas').count()).resolves.toBeGreaterThanOrEqual(2);
    const due = page.locator('.ant-table-row', { hasText: '抽查结果公示期限' });
    const view = due.getByRole('link', { name: '查看' });
    const href = await view.getAttribute('href');
    expect(href).toMatch(/^\/inspection\/results\?due=(overdue|dueSoon)$/);
    // the link opens the ledger with its 临期/逾期 filter already set, and the rows agree with the count
    const wanted = href?.endsWith('overdue') ? '逾期' : '临期';
    const count = Number(
      await due
        .locator('.ant-tag')
        .nth(wanted === '逾期' ? 1 : 0)
        .textContent(),
    );
    await view.click();
    await page.waitForURL(`**${href}`);
    await page.locator('.ant-select-selection-item', { hasText: wanted }).waitFor();
    if (count > 0) await page.getByText(`共 ${count} 条`).waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a phone: cards wrap and charts shrink to the screen', async () => {
    const page = await walk.browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    await openAs(walk, page, 'leader', '/report/dashboard');
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
