import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedLegality } from '../../../domains/legality/seed.js';
import { chromiumPresent } from '../../../test/browser.js';
import {
  confirmPopover,
  expectNoOverflow,
  motionAtRest,
  personAt,
  pick,
  walkSetup,
} from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

const DRAFT = '城区犬只管理规定(征求意见稿)';

/** A citizen sends a comment from the public page, without script, and reads its receipt number. */
async function sendComment(browser: Browser, url: string, text: string): Promise<string> {
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${url}/portal/consultations`);
  await page.getByRole('link', { name: DRAFT }).click();
  await page.getByLabel(/意见内容/).fill(text);
  await page.getByRole('button', { name: '提交意见' }).click();
  const status = (await page.getByRole('status').textContent()) ?? '';
  await context.close();
  const receipt = /YJ\d{8}[0-9A-Z]{6}/.exec(status)?.[0];
  expect(receipt, status).toBeDefined();
  return receipt ?? '';
}

/** What the commenter reads back by the receipt number. */
async function standing(page: Page, url: string, receipt: string) {
  const r = await page.request.get(`${url}/api/portal/comments/${receipt}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as { statusLabel: string; adoptionLabel: string | null };
}

/**
 * 公众意见 on a 征求意见 draft, moderated by the office in the browser: it reads each comment with
 * the sender's contact, publishes one (confirmed) and answers it 不采纳 — refused without a
 * reason, saved with one —, withholds another (confirmed); the commenters' receipts say so.
 */
describe.skipIf(!chromiumPresent())('公众意见审核 in a browser', () => {
  const year = new Date().getFullYear() - 1;

  const walk = walkSetup(
    {
      seed: (ctx, today) => seedLegality(ctx, { year, today, log: () => {}, scale: 0.1 }),
    },
    { timeoutMs: 900_000 },
  );

  it.each(WIDTHS)(
    'at $name px',
    async (w) => {
      const keep = await sendComment(walk.browser, walk.server.url, `建议在第三条写明登记地点(${w.name})。`);
      const drop = await sendComment(walk.browser, walk.server.url, `与本事项无关的内容(${w.name})。`);

      const office = await personAt(walk.browser, walk.server.url, w, 'yfzs', walk.server.adminPassword);
      const o = office.page;
      await o.goto(`${walk.server.url}/legality/documents`);
      await o.getByLabel('名称/文号', { exact: true }).fill('犬只');
      await o.getByRole('button', { name: /查\s*询/ }).click();
      await o.getByRole('button', { name: DRAFT }).click();
      const drawer = o.locator('.ant-drawer-open .ant-drawer-content');
      const panel = drawer.getByRole('region', { name: '公众意见' });
      const first = panel.getByTestId(`comment-${keep}`);
      await first.getByText('待审核').waitFor();
      await expect(first.textContent()).resolves.toContain('建议在第三条写明登记地点');
      await expectNoOverflow(o, '公众意见');

      // 公开, confirmed
      await first.getByRole('button', { name: /^公\s*开$/ }).click();
      await confirmPopover(o, /^公\s*开$/);
      await first.getByText('已公开').waitFor();

      // 不采纳 needs a reason: refused without one, saved with it
      await first.getByRole('button', { name: '答复采纳情况' }).click();
      const modal = o.locator('.ant-modal-wrap:visible .ant-modal-content');
      // the dialog zooms open: its fields are aimed at once it is at rest (see motionAtRest); the
      // dialog only — a button's loading icon elsewhere can keep a leave class for good (seen here)
      await modal.waitFor();
      await motionAtRest(o, o.locator('.ant-modal-root', { has: o.locator('.ant-modal-wrap:visible') }));
      await pick(o, '采纳情况', '不采纳');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.getByText('部分采纳或不采纳的,请填写答复理由').waitFor();
      await modal.getByLabel('答复', { exact: true }).fill('登记地点由实施细则规定,本规定不作列举。');
      await expectNoOverflow(o, '答复采纳情况');
      await modal.getByRole('button', { name: /保\s*存/ }).click();
      await modal.waitFor({ state: 'hidden' });
      await first.getByText('答复:登记地点由实施细则规定').waitFor();
      await first.locator('.ant-tag', { hasText: '不采纳' }).waitFor();

      // 不予公开, confirmed
      const second = panel.getByTestId(`comment-${drop}`);
      await second.getByRole('button', { name: '不予公开' }).click();
      await confirmPopover(o, '不予公开');
      await second.getByText('审核后不予公开').waitFor();

      await expect(standing(o, walk.server.url, keep)).resolves.toMatchObject({
        statusLabel: '已公开',
        adoptionLabel: '不采纳',
      });
      await expect(standing(o, walk.server.url, drop)).resolves.toMatchObject({
        statusLabel: '审核后不予公开',
      });
      await office.close();
      expect(office.errors).toEqual([]);
    },
    300_000,
  );
});
