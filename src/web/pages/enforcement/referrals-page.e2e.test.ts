import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/index.js';
import type { Ctx } from '../../../platform/context.js';
import { recordReferralAction } from '../../../domains/enforcement/referrals/service.js';
import { seedOfficers } from '../../../domains/enforcement/officers/seed.js';
import { marketTeam } from '../../../domains/enforcement/test/fixtures.js';
import { reportFakeGoods } from '../../../domains/enforcement/test/referral-fixtures.js';
import { chromiumPresent } from '../../../test/browser.js';
import { ledgerAs, walkSetup } from '../../../test/walk.js';

/** Two referrals of 市场监管局: one approved four days ago and never handed over (逾期), one just reported. */
async function seed(ctx: Ctx, today: string) {
  await seedOfficers(ctx, today);
  const { bodyId, certified } = await marketTeam(ctx);
  const team = { bodyId, handlerIds: certified.slice(0, 2) };
  for (const [partyName, late] of [
    ['开远市某某电器经营部', true],
    ['开远市某某农资店', false],
  ] as const) {
    const r = await reportFakeGoods(ctx, team, {
      partyName,
      openedOn: addDays(today, -10),
      // the second, reported yesterday, is still within its 3 days for approval (第五条)
      reportedOn: addDays(today, late ? -5 : -1),
      evidence: '产品质量检验报告',
    });
    if (late)
      await recordReferralAction(ctx, r.id, {
        version: r.version,
        action: 'approve',
        at: `${addDays(today, -4)}T09:00:00+08:00`,
        data: { approverName: '李强' },
      });
  }
}

describe.skipIf(!chromiumPresent())('两法衔接 ledger in a browser', () => {
  const walk = walkSetup({ seed });

  it('filters 逾期, opens the drawer and records the overdue handover, flagged as over 24 hours', async () => {
    const { page, errors } = await ledgerAs(walk, 'scjg', '/enforcement/referrals', {
      width: 1280,
      height: 900,
    });
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(2);
    await page.locator('#filter_due').click();
    await page.locator('.ant-select-item-option', { hasText: '逾期' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 30_000 }).toBe(1);
    const row = page.locator('.ant-table-row').first();
    await expect(row.textContent()).resolves.toContain('开远市某某电器经营部');
    await expect(row.locator('.ant-tag', { hasText: '逾期' }).count()).resolves.toBe(1);
    await row.locator('button').first().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('下一步办理').waitFor();
    await drawer.getByLabel('接受移送的公安机关').fill('开远市公安局');
    await drawer.getByLabel('文书编号').fill('开市监移〔2026〕3号');
    await drawer.getByRole('button', { name: '移送公安机关' }).last().click();
    await drawer.getByText('已移送待受理').waitFor();
    await expect(drawer.getByText('超过 24 小时').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('fits a phone: the page does not scroll sideways; the table scrolls inside its card', async () => {
    const { page } = await ledgerAs(walk, 'scjg', '/enforcement/referrals', { width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
