import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createLedgerEntry } from '../../../domains/oversight/ledgers.js';
import type { Ctx } from '../../../platform/context.js';
import { generateReport } from '../../../report/planning/report-service.js';
import { seedPlanning } from '../../../report/planning/seed.js';
import { chromiumPresent } from '../../../test/browser.js';
import { clickAndAnswer, dropdownAtRest, expectNoOverflow, personAt, walkSetup } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

/** A meeting of the 第一责任人 register: what part three of the report counts. */
async function meeting(ctx: Ctx, heldOn: string) {
  const root = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  await createLedgerEntry(ctx, 'leaderDuty', {
    orgId: root.id,
    heldOn,
    kind: 'meeting',
    leader: '市长',
    subject: '研究法治政府建设年度重点工作',
    items: 2,
  });
}

/** Opens last year's report of the 市政府 from the list. */
async function openReport(page: Page, url: string, year: number) {
  await page.goto(`${url}/report/reports`);
  await page
    .locator('.ant-table-row', { hasText: String(year) })
    .getByRole('button', { name: '开远市人民政府' })
    .click();
  const drawer = page.locator('.ant-drawer-open .ant-drawer-content').first();
  await drawer.getByText('历史版本').waitFor();
  return drawer;
}

/** Picks a version in one of the 版本对比 selects (named by its aria-label). */
async function chooseVersion(page: Page, label: string, option: string) {
  await page
    .locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) })
    .locator('.ant-select-selector')
    .click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
  await item.first().waitFor();
  await dropdownAtRest(page);
  await item.first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/**
 * 发文设置 and 版本对比 of an annual report, at a laptop and at a phone. Last year's report was
 * published with one 第一责任人 meeting on record; a second meeting was entered since and the
 * report regenerated, so the current version is a draft after the published one. The office sets
 * how the report is issued (a joint 党委+政府 issue with its 文号), sees the 红头 preview follow,
 * cannot save without a 发文机关, saves, and finds its values on reopening; then compares the
 * draft with the published version: the figure that moved, why, and the sentence. Any console
 * error or sideways scroll fails it.
 */
describe.skipIf(!chromiumPresent())('发文设置 and 版本对比 of a report, in a browser', () => {
  const year = new Date().getFullYear() - 1;
  const walk = walkSetup({
    seed: async (ctx, today) => {
      await meeting(ctx, `${year}-03-01`);
      await seedPlanning(ctx, { year, today, log: () => {} });
      await meeting(ctx, `${year}-06-01`);
      await generateReport(ctx, { year });
    },
  });

  it.each(WIDTHS)(
    'at $name px',
    async (w) => {
      const no = w.name === '1440' ? 3 : 7;
      const issueYear = new Date().getFullYear();
      const { server, browser } = walk;
      const office = await personAt(browser, server.url, w, 'yfzs', server.adminPassword);
      const page = office.page;
      let report = await openReport(page, server.url, year);

      // 发文设置: a joint issue of the 市委 and the 市政府, with its 文号, 主送机关 and 印发机关
      await report.getByRole('button', { name: '发文设置' }).click();
      let modal = page.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByText('红头预览').waitFor();
      await modal.getByText('联合发文(党委、政府)').click();
      const names = modal.locator('.ant-form-item', { hasText: '发文机关(党委在前)' }).locator('input');
      await expect(names.count()).resolves.toBe(2);
      await names.nth(0).fill('中共某某市委员会');
      await names.nth(1).fill('');
      await modal.getByLabel('发文机关代字', { exact: true }).fill('某发');
      await modal.getByLabel('发文序号', { exact: true }).fill(String(no));
      await modal.getByLabel('主送机关', { exact: true }).fill('州委、州人民政府');
      await modal.getByLabel('印发机关(版记)', { exact: true }).fill('某某市人民政府办公室');
      // the 红头 follows the form
      const preview = modal.getByTestId('masthead-preview');
      await preview.getByText(`某发〔${issueYear}〕${no}号`).waitFor();
      // one name so far: "…文件" on one line
      await preview.getByText('中共某某市委员会文件', { exact: true }).waitFor();
      await preview.getByText('某某市人民政府办公室').waitFor();
      await preview.getByText('州委、州人民政府').waitFor();
      await expectNoOverflow(page, '发文设置');
      // the server needs every 发文机关 named: the empty second line is refused at the field, nothing sent
      let puts = 0;
      page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().includes('/api/report-issuers/')) puts++;
      });
      await modal.getByRole('button', { name: /^保\s*存$/ }).click();
      await modal.getByText('请填写机关名称').waitFor();
      expect(puts).toBe(0);
      await names.nth(1).fill('某某市人民政府');
      // a joint issue: the two names stacked, 文件 beside them
      await preview.getByText('文件', { exact: true }).waitFor();
      await expect(preview.getByText('某某市人民政府', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await clickAndAnswer(
        page,
        modal.getByRole('button', { name: /^保\s*存$/ }),
        'PUT',
        /\/api\/report-issuers\/[^/]+$/,
      );
      await modal.waitFor({ state: 'hidden' });

      // reopened after a reload: the saved values and their 红头
      await page.reload();
      report = await openReport(page, server.url, year);
      await report.getByRole('button', { name: '发文设置' }).click();
      modal = page.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByTestId('masthead-preview').getByText(`某发〔${issueYear}〕${no}号`).waitFor();
      const again = modal.locator('.ant-form-item', { hasText: '发文机关(党委在前)' }).locator('input');
      await expect(again.nth(0).inputValue()).resolves.toBe('中共某某市委员会');
      await expect(again.nth(1).inputValue()).resolves.toBe('某某市人民政府');
      await expect(modal.getByLabel('发文序号', { exact: true }).inputValue()).resolves.toBe(String(no));
      await expect(modal.getByLabel('主送机关', { exact: true }).inputValue()).resolves.toBe(
        '州委、州人民政府',
      );
      await expect(modal.getByLabel('印发机关(版记)', { exact: true }).inputValue()).resolves.toBe(
        '某某市人民政府办公室',
      );
      await modal.getByRole('button', { name: /^取\s*消$/ }).click();
      await modal.waitFor({ state: 'hidden' });

      // 版本对比: the draft against the published version, the figure that moved and the sentence
      await report.getByRole('button', { name: '版本对比' }).click();
      const compare = page.locator('.ant-drawer-open .ant-drawer-content', { hasText: '数据变化' });
      const figure = compare
        .locator('.ant-table-row', { hasText: '业务记录变化' })
        .filter({ hasText: '2次' });
      await figure.first().waitFor();
      await expect(figure.first().textContent()).resolves.toMatch(/1次.*2次.*自第1版生成以来/s);
      const sentence = compare.locator('.ant-table-row', { hasText: '研究法治建设2次' });
      await sentence.getByText('修改').waitFor();
      await sentence.getByText(/研究法治建设1次/).waitFor();
      await compare.getByText('第1版').first().waitFor();
      await expectNoOverflow(page, '版本对比');
      // any two versions: the published one with itself has nothing to show
      await chooseVersion(page, '对比版本', '第1版(已发布)');
      await compare.getByText('两个版本的数据相同').waitFor();
      await compare.getByText('两个版本的文字相同').waitFor();
      await expectNoOverflow(page, '版本对比(同一版本)');
      expect(office.errors).toEqual([]);
      await office.close();
    },
    600_000,
  );
});
