import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/index.js';
import type { Ctx } from '../../../platform/context.js';
import { recordReconAction } from '../../../domains/disputes/reconsideration/service.js';
import { axeViolations } from '../../../test/axe.js';
import { chromiumPresent } from '../../../test/browser.js';
import { expectNoOverflow, walkSetup } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';
import { marketApplication } from './recon-e2e-seed.js';

/** One decided, served and published 复议 case, so the public list has a 决定书 to open. */
async function seed(ctx: Ctx, today: string) {
  let c = await marketApplication(ctx, addDays(today, -30), { applicantPhone: '13908731234' });
  const steps: [string, number, Record<string, unknown>][] = [
    ['accept', -28, { procedure: 'ordinary' }],
    [
      'decide',
      -10,
      { outcome: 'revoke', documentNo: '行复决〔2026〕1号', text: '申请人周文斌不服。\n本机关决定撤销。' },
    ],
    ['serve', -9, {}],
    ['publish', -8, {}],
  ];
  for (const [action, days, data] of steps)
    c = await recordReconAction(ctx, c.id, { version: c.version, action, date: addDays(today, days), data });
}

describe.skipIf(!chromiumPresent())('行政复议 on the public site in a browser', () => {
  const pages = [
    '/portal/reconsideration',
    '/portal/reconsideration/lookup',
    '/portal/reconsideration/decisions',
  ];

  const walk = walkSetup({ seed }, { webApp: false });

  it.each(WIDTHS)(
    'the form, the lookup and the published 决定书 at $name px: in the frame, no overflow, no axe violation, no name',
    async (w) => {
      const context = await walk.browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      const page: Page = await context.newPage();
      await page.goto(`${walk.server.url}/portal/reconsideration/decisions`);
      const detail = await page.locator('main table a').first().getAttribute('href');
      for (const path of [...pages, detail ?? '']) {
        await page.goto(`${walk.server.url}${path}`);
        await expect(page.locator('header.masthead').count(), path).resolves.toBe(1);
        await expect(page.getByRole('navigation', { name: '当前位置' }).count(), path).resolves.toBe(1);
        await expect(page.locator('main').textContent(), path).resolves.not.toContain('周文斌');
        await expectNoOverflow(page, `${path} at ${w.name}`);
        expect(await axeViolations(page), `${path} at ${w.name}`).toEqual([]);
      }
      await context.close();
    },
    300_000,
  );
});
