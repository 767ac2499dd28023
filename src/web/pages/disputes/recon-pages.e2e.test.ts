import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { chromiumPresent } from '../../../test/browser.js';
import { ledgerAs, walkSetup } from '../../../test/walk.js';
import { marketApplication } from './recon-e2e-seed.js';

/** One 复议 application received today at 市场监管局, waiting for the acceptance review. */
async function seed(ctx: Ctx, today: string) {
  await marketApplication(ctx, today);
}

describe.skipIf(!chromiumPresent())('行政复议 ledger and case page in a browser', () => {
  const walk = walkSetup({ seed });

  it('opens a case from the ledger, records 受理 through its form, and offers the 受理通知书', async () => {
    const { page, errors } = await ledgerAs(walk, 'yfzs', '/disputes/reconsiderations', {
      width: 1440,
      height: 900,
    });
    const row = page.locator('.ant-table-row').first();
    await expect(row.textContent()).resolves.toContain('周文斌');
    await expect(row.textContent()).resolves.toContain('待审查');
    await row.locator('a').first().click();
    await page.getByText('法定期限').waitFor();
    await expect(page.getByText('受理审查(5 个工作日内,第三十条)').count()).resolves.toBe(1);
    await page.locator('.ant-segmented-item', { hasText: /^受理$/ }).click();
    await page.getByRole('button', { name: /^受\s*理$/ }).click();
    // the document appears once 受理 is on the log
    await page.getByRole('button', { name: /受理通知书/ }).waitFor();
    await expect(page.locator('.ant-timeline-item').count()).resolves.toBe(2);
    await expect(page.getByText('审理中').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('fits a phone: the ledger and the case page do not scroll sideways', async () => {
    const { page } = await ledgerAs(walk, 'yfzs', '/disputes/reconsiderations', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('法定期限').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
