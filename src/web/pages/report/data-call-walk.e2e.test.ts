import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../../test/browser.js';
import {
  clickAndAnswer,
  confirmDialog,
  confirmPopover,
  dropdownAtRest,
  expectDropdownFits,
  expectNoOverflow,
  personAt,
  pick,
  walkSetup,
} from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

const okButton = /^确\s*定$/;

/** Types a date into an antd picker's input and confirms it with Enter, as a person may. */
async function typeDate(page: Page, placeholder: string, value: string) {
  const input = page.locator('.ant-modal-wrap:visible').getByPlaceholder(placeholder, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input.inputValue()).resolves.toBe(value);
}

/** Picks one org of the tree by searching its name: the org itself, never its children instead. */
async function pickOrg(page: Page, label: string, name: string) {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).last();
  // into the search box after the tags: at 390 px the middle of the field is a tag's 移除 cross
  await item.locator('input.ant-select-selection-search-input').click();
  await page.keyboard.type(name);
  const node = page
    .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name })
    .first();
  await node.waitFor();
  await dropdownAtRest(page);
  await node.click();
  await item.locator('.ant-select-selection-item', { hasText: name }).waitFor();
  await page.locator('.ant-modal-wrap:visible .ant-modal-title').last().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/** Opens a unit's 本单位填报 form of the call, fills both lines with a file as 佐证, and submits. */
async function fillAndSubmit(page: Page, url: string, title: string, exams: number, takers: number) {
  await page.goto(`${url}/report/submissions`);
  await page.locator('.ant-table-row', { hasText: title }).getByRole('button', { name: title }).click();
  const modal = page.locator('.ant-modal-wrap:visible .ant-modal-content');
  const examsInput = modal.getByLabel('安全检查组数填报数', { exact: true });
  // a negative figure is refused with the line's name, never sent as 0
  await examsInput.fill('-2');
  await modal.getByText('不能为负数').waitFor();
  await modal.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.getByText('“安全检查组数”不能为负数').first().waitFor();
  await examsInput.fill(String(exams));
  await modal.getByLabel('检查家次·安全生产填报数', { exact: true }).fill(String(takers));
  await modal.getByLabel('安全检查组数佐证材料', { exact: true }).setInputFiles({
    name: '安全检查记录.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n安全检查记录\n%%EOF\n', 'utf8'),
  });
  await modal.getByText('安全检查记录.pdf').waitFor();
  await expectNoOverflow(page, '本单位填报');
  // the server's answer to the submit, not the 3-second 已提交审核 toast a busy machine can miss
  await clickAndAnswer(
    page,
    modal.getByRole('button', { name: '保存并提交' }),
    'POST',
    /\/api\/data-call-submissions\/[^/]+\/submit$/,
  );
  await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
  await page.locator('.ant-table-row', { hasText: title }).getByText('已提交待审核').waitFor();
}

/**
 * 数据填报 to the published annual report, the way an office and its units work, at a laptop and
 * at a phone: the 依法治市办 issues a call to the 市场监管局 and a 街道 (picked as itself); each
 * unit fills it with a file as evidence (a negative number is refused, not zeroed); the office
 * reads the numbers, accepts one, returns the other with a reason, accepts it once corrected,
 * exports the summary, generates the report with the accepted figures, has it reviewed and
 * publishes it. Each width reports its own year. Any console error or sideways scroll fails it.
 */
describe.skipIf(!chromiumPresent())('数据填报 to a published report, in a browser', () => {
  // 佐证材料 are kept here
  const walk = walkSetup({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'fazhi-dc-')) });

  it.each(WIDTHS)(
    'at $name px',
    async (w) => {
      const password = walk.server.adminPassword;
      // each width reports on its own year: the two walks share no call and no report
      const year = new Date().getFullYear() - (w.name === '1440' ? 1 : 2);
      const title = `${year}年度学法用法情况填报`;
      const office = await personAt(walk.browser, walk.server.url, w, 'yfzs', password);
      const o = office.page;

      // the call: its period, deadline, the two units and the two lines
      await o.goto(`${walk.server.url}/report/data-calls`);
      await o.getByRole('button', { name: /制定填报任务/ }).click();
      const modal = o.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByLabel('任务名称', { exact: true }).fill(title);
      await typeDate(o, '开始日期', `${year}-01-01`);
      await typeDate(o, '结束日期', `${year}-12-31`);
      const deadline = new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
      await typeDate(o, '请选择日期', deadline);
      await pickOrg(o, '填报单位', '开远市市场监督管理局');
      await pickOrg(o, '填报单位', '开远市灵泉街道办事处');
      // figures no record of the platform gives (安全生产 is another system's), so the report prints them
      await pick(o, '指标(平台计算的指标只读显示,不要求填报)', '安全检查组数', '安全检查组数');
      await pick(o, '指标(平台计算的指标只读显示,不要求填报)', '检查家次·安全生产', '检查家次');
      // the picker's list fits the window and shows the longest names whole, wrapped (it once drew
      // options 1,737 px wide); 法律顾问 finds the longest names of the catalogue
      await modal.locator('.ant-form-item', { hasText: '指标(平台计算' }).locator('input').click();
      await o.keyboard.type('法律顾问');
      await o.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await expectDropdownFits(o, `指标 ${w.name}px`);
      await o.locator('.ant-modal-wrap:visible .ant-modal-title').last().click();
      await o.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
      await expectNoOverflow(o, '制定填报任务');
      const created = o.waitForResponse(
        (r) => r.url().endsWith('/api/data-calls') && r.request().method() === 'POST',
      );
      await modal.getByRole('button', { name: '保存草稿' }).click();
      expect((await created).status()).toBe(201);
      await modal.waitFor({ state: 'hidden' });
      // one draft, however the button was pressed
      const callRow = o.locator('.ant-table-row', { hasText: title });
      await callRow.waitFor();
      await expect(callRow.count()).resolves.toBe(1);
      await callRow.getByRole('button', { name: title }).click();
      let drawer = o.locator('.ant-drawer-open .ant-drawer-content');
      // the 街道 itself is a filing unit, not its 司法所 and 执法队
      await drawer.locator('.ant-table-row', { hasText: '开远市灵泉街道办事处' }).waitFor();
      await expect(drawer.getByText('司法所').count()).resolves.toBe(0);
      await drawer.getByRole('button', { name: /下\s*发/ }).click();
      await o.getByText('已下发').first().waitFor();
      await drawer.locator('.ant-drawer-close').click();

      // both units fill and submit
      const dept = await personAt(walk.browser, walk.server.url, w, 'scjg', password);
      await fillAndSubmit(dept.page, walk.server.url, title, 3, 41);
      const street = await personAt(walk.browser, walk.server.url, w, 'township', password);
      await fillAndSubmit(street.page, walk.server.url, title, 20, 12);

      // the office reads the numbers: accepts the 市场监管局's, returns the 街道's with a reason
      await o.reload();
      await o.locator('.ant-table-row', { hasText: title }).getByRole('button', { name: title }).click();
      drawer = o.locator('.ant-drawer-open .ant-drawer-content');
      const deptRow = drawer.locator('.ant-table-row', { hasText: '开远市市场监督管理局' });
      await deptRow.locator('.ant-table-row-expand-icon').click();
      const figures = drawer.locator('.ant-table-expanded-row', { hasText: '41 家次' });
      await figures.getByRole('button', { name: '安全检查记录.pdf' }).waitFor();
      await deptRow.getByRole('button', { name: /^采\s*纳$/ }).click();
      await confirmPopover(o, okButton);
      await deptRow.getByText('已采纳').waitFor();
      const streetRow = drawer.locator('.ant-table-row', { hasText: '开远市灵泉街道办事处' });
      await streetRow.getByRole('button', { name: /^退\s*回$/ }).click();
      await o.getByPlaceholder('退回理由(必填)').fill('检查组数多于检查家次,请核对后重新填报');
      const returned = o.waitForResponse(
        (r) => r.url().endsWith('/return') && r.request().method() === 'POST',
      );
      await confirmDialog(o, okButton);
      const returnAnswer = await returned;
      expect(returnAnswer.status(), await returnAnswer.text()).toBe(200);
      await streetRow.getByText('已退回').waitFor();
      await expectNoOverflow(o, '审核填报');

      // the 街道 sees why, corrects the 检查组数 and submits again; the office accepts it
      const s = street.page;
      await s.goto(`${walk.server.url}/report/submissions`);
      await s.locator('.ant-table-row', { hasText: title }).getByText('检查组数多于检查家次').waitFor();
      await s.locator('.ant-table-row', { hasText: title }).getByRole('button', { name: title }).click();
      const sm = s.locator('.ant-modal-wrap:visible .ant-modal-content');
      await sm.getByText('已退回:检查组数多于检查家次').waitFor();
      await sm.getByLabel('安全检查组数填报数', { exact: true }).fill('2');
      await clickAndAnswer(
        s,
        sm.getByRole('button', { name: '保存并提交' }),
        'POST',
        /\/api\/data-call-submissions\/[^/]+\/submit$/,
      );
      await s.locator('.ant-modal-wrap:visible .ant-modal-close').click();
      await s.locator('.ant-table-row', { hasText: title }).getByText('已提交待审核').waitFor();
      await o.reload();
      await o.locator('.ant-table-row', { hasText: title }).getByRole('button', { name: title }).click();
      drawer = o.locator('.ant-drawer-open .ant-drawer-content');
      const again = drawer.locator('.ant-table-row', { hasText: '开远市灵泉街道办事处' });
      await again.getByRole('button', { name: /^采\s*纳$/ }).click();
      await confirmPopover(o, okButton);
      await again.getByText('已采纳').waitFor();

      // the summary in Excel, as the office keeps it
      const download = o.waitForEvent('download');
      await drawer.getByRole('button', { name: '导出填报汇总' }).click();
      expect((await download).suggestedFilename()).toBe(`${title}-填报汇总.xlsx`);
      await drawer.locator('.ant-drawer-close').click();

      // the report of that year, from the accepted figures: 3 + 2 组, 41 + 12 家次
      await o.goto(`${walk.server.url}/report/reports`);
      await o.locator('.ant-input-number input').first().fill(String(year));
      const generated = o.waitForResponse((r) => r.url().endsWith('/api/reports/generate'), {
        timeout: 120_000,
      });
      await o.getByRole('button', { name: /生成/ }).first().click();
      expect((await generated).status()).toBe(200);
      const report = o.locator('.ant-drawer-open .ant-drawer-content');
      await report.getByText(/安全检查组数5个/).waitFor();
      await report
        .getByText(/53家次/)
        .first()
        .waitFor();
      // the parts a person writes (不足, 下一年度, 其他) before the report can be passed
      const parts = report.getByPlaceholder('本部分文字');
      for (let i = 0; i < (await parts.count()); i++) {
        const box = parts.nth(i);
        if ((await box.inputValue()) === '') await box.fill('按年度工作要点推进,详见各部分。');
      }
      // the server's answers, not the 3-second toasts, which a busy machine can show and hide unseen
      await clickAndAnswer(o, report.getByRole('button', { name: '保存文字' }), 'PATCH', /\/narratives$/);
      await clickAndAnswer(o, report.getByRole('button', { name: '提交审核' }), 'POST', /\/submit$/);
      // five parts, each passed by the reviewer; only then is 发布 offered
      await expect(report.getByRole('button', { name: /^发\s*布$/ }).count()).resolves.toBe(0);
      for (let i = 0; i < 5; i++) {
        // the drawer re-renders after each step: count the buttons once they are there
        await report.getByRole('button', { name: '审核通过' }).first().waitFor();
        const before = await report.getByRole('button', { name: '审核通过' }).count();
        await report.getByRole('button', { name: '审核通过' }).first().click();
        // the drawer redraws once the server has answered: poll as long as a locator waits
        await expect
          .poll(() => report.getByRole('button', { name: '审核通过' }).count(), { timeout: 30_000 })
          .toBe(before - 1);
      }
      await report.getByRole('button', { name: /^发\s*布$/ }).click();
      // the server's answer, not the words 已发布: the other width's report in the ledger already
      // says so, and leaving the page then aborted the request (CI: POST …/publish net::ERR_ABORTED)
      const published = o.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          /\/api\/reports\/[^/]+\/publish$/.test(new URL(r.url()).pathname),
      );
      await confirmPopover(o, okButton);
      const answer = await published;
      expect(answer.status(), await answer.text()).toBe(200);
      await report.getByText(/第 \d+ 版 · 已发布/).waitFor();
      await expectNoOverflow(o, '年度报告');

      await o.goto(`${walk.server.url}/portal/reports`);
      await o
        .getByRole('link', { name: new RegExp(`${year}`) })
        .first()
        .click();
      await o.getByText(/安全检查组数5个/).waitFor();
      await expectNoOverflow(o, '公开网站年度报告');
      for (const p of [office, dept, street]) await p.close();
      expect([...office.errors, ...dept.errors, ...street.errors]).toEqual([]);
    },
    600_000,
  );
});
