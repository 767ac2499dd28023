import { describe, expect, it } from 'vitest';
import { seedPlanning } from '../../../report/planning/seed.js';
import { chromiumPresent } from '../../../test/browser.js';
import { openAs, walkSetup } from '../../../test/walk.js';

/**
 * The report screens in a real browser over the demo figures of last year: the figure table
 * with its records, the published report, and a unit filling this year's call.
 */
describe.skipIf(!chromiumPresent())('report screens in a browser', () => {
  const walk = walkSetup({
    seed: async (ctx, today) => {
      await seedPlanning(ctx, { year: Number(today.slice(0, 4)) - 1, today, log: () => {} });
    },
  });

  it('shows last year’s figures and the records behind one', async () => {
    const page = await walk.browser.newPage({ locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openAs(walk, page, 'yfzs', '/report/metrics');
    // several hundred figures: find it as a user does, by name
    await page.getByPlaceholder('按指标名称筛选').fill('检查家次');
    const row = page.locator('.ant-table-row', { hasText: '检查家次·安全生产' }).first();
    await row.getByRole('button', { name: '2310家次' }).click();
    const modal = page.locator('.ant-modal', { hasText: '检查家次·安全生产:明细' });
    await modal.getByText('330家次', { exact: false }).first().waitFor();
    // every unit of the call answered; the seven townships filed the county's 2310
    const rows = await modal.locator('.ant-table-row').allInnerTexts();
    expect(rows.filter((r) => r.includes('填报 330家次'))).toHaveLength(7);
    expect(rows.every((r) => r.includes('数据填报:') && r.includes('(已采纳)'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('opens the published report with its generated sentences', async () => {
    const page = await walk.browser.newPage({ locale: 'zh-CN' });
    await openAs(walk, page, 'yfzs', '/report/reports');
    await page
      .locator('.ant-table-row', { hasText: '已发布' })
      .getByRole('button', { name: '开远市人民政府' })
      .click();
    const drawer = page.locator('.ant-drawer');
    // a figure no record can give, filed by the 市政府办 through the year's data call
    await drawer
      .getByText(/41260件/)
      .first()
      .waitFor();
    await expect(drawer.getByText('已审核(系统)').count()).resolves.toBe(5);
  });

  it('lets a unit fill this year’s call: computed lines read-only, then submit', async () => {
    const page = await walk.browser.newPage({ locale: 'zh-CN' });
    await openAs(walk, page, 'scjg', '/report/submissions');
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
