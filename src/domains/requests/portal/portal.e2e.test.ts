import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../test/axe.js';
import { chromiumPresent } from '../../../test/browser.js';
import { expectNoOverflow, walkSetup } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

/** A citizen's page without login, with console errors collected. */
async function citizenAt(browser: Browser, w: (typeof WIDTHS)[number]) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: w.width, height: w.height },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  return { page, errors, close: () => context.close() };
}

/** In the site's frame, nothing to scroll sideways, no WCAG 2.1 AA violation axe-core finds. */
async function checkPage(page: Page, where: string) {
  await expect(page.locator('header.masthead').count(), where).resolves.toBe(1);
  await expect(page.getByRole('navigation', { name: '当前位置' }).count(), where).resolves.toBe(1);
  await expectNoOverflow(page, where);
  expect(await axeViolations(page), where).toEqual([]);
}

const dd = async (page: Page, term: string) =>
  (
    (await page
      .locator('main dt', { hasText: term })
      .locator('xpath=following-sibling::dd[1]')
      .first()
      .textContent()) ?? ''
  ).trim();

/** What both forms open with: the applicant's kind (`who`类型, option `kind`), name and contact. */
async function fillApplicant(page: Page, who: '申请人' | '信访人', kind: string, contact: string) {
  await page.getByLabel(`${who}类型`).selectOption({ label: kind });
  await page.getByLabel(`${who}姓名或名称`).fill('周文斌');
  await page.getByLabel(/^联系方式/).fill(contact);
}

/**
 * The public site's online applications as a citizen files them, on a laptop and on a phone:
 * 依申请公开 and 网上信访 (a wrong contact named and the text kept, then filed; the receipt's
 * number and 查询码 find it, a wrong 查询码 does not) and 行政复议 (filed, then looked up from
 * its receipt). Every page in the frame, no sideways scroll, no axe violation, no console error.
 */
describe.skipIf(!chromiumPresent())('online applications on the public site, in a browser', () => {
  const walk = walkSetup({}, { webApp: false });

  const forms = [
    {
      path: '/portal/disclosure',
      name: '政府信息公开申请',
      button: '提交申请',
      fill: async (page: Page, contact: string, w: string) => {
        await fillApplicant(page, '申请人', '自然人', contact);
        await page.getByLabel(/所需政府信息的名称/).fill(`本市上一年度行政执法统计年报(${w} px)`);
      },
      kept: /行政执法统计年报/,
      status: '办理状态',
    },
    {
      path: '/portal/petition',
      name: '网上信访',
      button: '提交',
      fill: async (page: Page, contact: string, w: string) => {
        await fillApplicant(page, '信访人', '个人', contact);
        await page.getByLabel('诉求类型').selectOption({ label: '建议意见类' });
        await page.getByLabel(/^信访事项/).fill(`建议在灵泉街道增设夜间公交线路(${w} px)。`);
      },
      kept: /增设夜间公交线路/,
      status: '办理状态',
    },
  ] as const;

  for (const f of forms)
    it.each(WIDTHS)(
      `${f.name}: files, gets a receipt and finds it by number and 查询码 at $name px`,
      async (w) => {
        const { page, errors, close } = await citizenAt(walk.browser, w);
        await page.goto(`${walk.server.url}${f.path}`);
        await page.getByRole('heading', { level: 1, name: f.name }).waitFor();
        await checkPage(page, `${f.path} at ${w.name}`);

        // a contact too short to reach anyone: named, the rest of the form kept
        await page.getByLabel(/^受理机关/).selectOption({ label: '开远市市场监督管理局' });
        await f.fill(page, '123', w.name);
        await page.getByRole('button', { name: f.button, exact: true }).click();
        await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^联系方式:/);
        await expect(page.locator('main textarea').inputValue()).resolves.toMatch(f.kept);
        await checkPage(page, `${f.path} refused at ${w.name}`);

        await page.getByLabel(/^联系方式/).fill('13908731234');
        await page.getByRole('button', { name: f.button, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: '提交成功' }).waitFor();
        const receiptNo = await dd(page, '受理编号');
        const secret = await dd(page, '查询码');
        expect(receiptNo).toMatch(/\S{6,}/);
        expect(secret).toMatch(/\S{6,}/);
        await expect(dd(page, '受理机关')).resolves.toBe('开远市市场监督管理局');
        await checkPage(page, `${f.path} receipt at ${w.name}`);

        // a wrong 查询码 finds nothing; the right one shows where it stands
        await page.goto(`${walk.server.url}${f.path}/status`);
        await page.getByLabel('受理编号').fill(receiptNo);
        await page.getByLabel('查询码').fill(`${secret}x`);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByRole('alert').waitFor();
        await checkPage(page, `${f.path} wrong 查询码 at ${w.name}`);
        await page.getByLabel('受理编号').fill(receiptNo);
        await page.getByLabel('查询码').fill(secret);
        await page.getByRole('button', { name: '查询' }).click();
        await page.getByRole('heading', { level: 1, name: '办理进度' }).waitFor();
        await expect(dd(page, '受理编号')).resolves.toBe(receiptNo);
        await expect(dd(page, f.status)).resolves.not.toBe('');
        await expect(page.locator('main').textContent()).resolves.not.toContain('周文斌');
        await checkPage(page, `${f.path} status at ${w.name}`);
        await close();
        // the two refusals above are answered 400 (which chromium logs); nothing else goes wrong
        const refused = /Failed to load resource: the server responded with a status of 400/;
        expect(errors.filter((e) => !refused.test(e))).toEqual([]);
        expect(errors.filter((e) => refused.test(e))).toHaveLength(2);
      },
      300_000,
    );

  it.each(WIDTHS)(
    '行政复议: files an application and looks it up from the receipt at $name px',
    async (w) => {
      const { page, errors, close } = await citizenAt(walk.browser, w);
      await page.goto(`${walk.server.url}/portal/reconsideration`);
      await page.getByLabel('姓名或名称(必填)').fill('周文斌');
      await page.getByLabel('联系电话(必填)').fill('13908731234');
      await page.getByLabel('被申请人(必填)').selectOption({ label: '开远市市场监督管理局' });
      await page.getByLabel('行政行为名称(必填)').fill('行政处罚决定');
      const known = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('知道该行为的日期(必填)').fill(known);
      await page.getByLabel('复议请求(必填)').fill('撤销行政处罚决定。');
      await page.getByLabel('事实和理由(必填)').fill(`认定事实不清(${w.name} px)。`);
      await checkPage(page, `复议申请 at ${w.name}`);
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('heading', { level: 1, name: '行政复议申请已提交' }).waitFor();
      const receiptNo = await dd(page, '受理回执号');
      const secret = await dd(page, '查询码');
      await checkPage(page, `复议回执 at ${w.name}`);
      // the receipt's own link carries its number (the tab of the same name does not)
      await page.locator(`main a[href$="lookup?receiptNo=${receiptNo}"]`).click();
      await expect(page.getByLabel('受理回执号').inputValue()).resolves.toBe(receiptNo);
      await page.getByLabel('查询码').fill(secret);
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { level: 1, name: /^办理进度/ }).waitFor();
      await expect(dd(page, '受理回执号')).resolves.toBe(receiptNo);
      await expect(page.locator('main').textContent()).resolves.not.toContain('周文斌');
      await checkPage(page, `复议进度 at ${w.name}`);
      await close();
      expect(errors).toEqual([]);
    },
    300_000,
  );
});
