import { describe, expect, it } from 'vitest';
import {
  createChecklistItem,
  createInspector,
  importInspectees,
} from '../../../domains/inspection/registry-service.js';
import { generateUscc } from '../../../platform/ids/index.js';
import { chromiumPresent } from '../../../test/browser.js';
import { confirmPopover, expectNoOverflow, personAt, pick, walkSetup } from '../../../test/walk.js';
import { WIDTHS } from '../../../test/widths.js';

const okButton = /^确\s*定$/;

/**
 * 双随机、一公开 the way the people who do it work, at a laptop and at a phone: the 市场监管局's
 * handler makes a plan and a task (and corrects the task before the draw), seals the list, draws,
 * checks the draw, records a result and publishes it; the 依法治市办 reads the same plan without
 * being offered to change it, and the public site shows the result. Each width makes its own plan
 * and task; any console error or sideways scroll fails it.
 */
describe.skipIf(!chromiumPresent())('双随机 from plan to 公示, in a browser', () => {
  const walk = walkSetup({
    seed: async (ctx, today) => {
      const org = await ctx.db
        .selectFrom('org')
        .select('id')
        .where('short_name', '=', '市场监管局')
        .executeTakeFirstOrThrow();
      await createChecklistItem(ctx, {
        orgId: org.id,
        matter: '食品销售经营者的检查',
        category: '食品销售',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        method: '现场检查',
        defaultRatioPercent: 5,
      });
      const rows = Array.from({ length: 24 }, (_, i) => ({
        kind: 'enterprise' as const,
        name: `云岭示范食品商行${i + 1}有限公司`,
        uscc: generateUscc(9100 + i, { regionCode: '532502' }),
        industry: '食品销售',
        locationCode: '532502001',
        riskGrade: (['A', 'B', 'B', 'C'] as const)[i % 4] ?? 'B',
      }));
      await importInspectees(ctx, { orgId: org.id, rows });
      const year = Number(today.slice(0, 4));
      for (let i = 0; i < 4; i++)
        await createInspector(ctx, {
          orgId: org.id,
          name: `检查员${['甲', '乙', '丙', '丁'][i]}`,
          certificateNumber: `SJ-WALK-${i + 1}`,
          certificateValidUntil: `${year + 3}-12-31`,
        });
    },
  });

  it.each(WIDTHS)(
    'at $name px',
    async (w) => {
      const password = walk.server.adminPassword;
      const planName = `食品销售双随机抽查计划(${w.name})`;
      const taskName = `第一批食品销售抽查(${w.name})`;
      const dept = await personAt(walk.browser, walk.server.url, w, 'scjg', password);
      const h = dept.page;

      // the plan: name only, the year and the department are the defaults
      await h.goto(`${walk.server.url}/inspection/plans`);
      await h.getByRole('button', { name: /新建计划/ }).click();
      let modal = h.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByLabel('计划名称', { exact: true }).fill(planName);
      await expectNoOverflow(h, '新建计划');
      await modal.getByRole('button', { name: okButton }).click();
      await modal.waitFor({ state: 'hidden' });
      const planRow = h.locator('.ant-table-row', { hasText: planName });
      await planRow.waitFor();

      // a task over the plan's year: 3 firms from the 食品 checklist item, two inspectors each
      await planRow.getByRole('button', { name: '新建任务' }).click();
      modal = h.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByLabel('任务名称', { exact: true }).fill(taskName);
      await pick(h, '抽查事项', '食品销售经营者的检查');
      await modal.getByText('按数量', { exact: true }).click();
      await modal.getByLabel('抽取数量(户)', { exact: true }).fill('3');
      // a blank 行业 is not "every industry": the form asks for one or for 全部行业 said on purpose
      await modal.getByRole('button', { name: okButton }).click();
      await modal.getByText('请填写抽查的行业,或选择“全部行业”').waitFor();
      await modal.getByLabel('行业(可多个,用顿号分隔)', { exact: true }).fill('食品');
      await modal.getByRole('button', { name: okButton }).click();
      await modal.waitFor({ state: 'hidden' });

      // before the draw the task can still be corrected: two firms, not three
      await planRow.locator('.ant-table-row-expand-icon').click();
      const taskRow = h.locator('.ant-table-expanded-row .ant-table-row', { hasText: taskName });
      await taskRow.getByText('3 户').waitFor();
      await taskRow.getByRole('button', { name: /^修\s*改$/ }).click();
      modal = h.locator('.ant-modal-wrap:visible .ant-modal-content');
      await modal.getByLabel('抽取数量(户)', { exact: true }).fill('2');
      await modal.getByRole('button', { name: okButton }).click();
      await modal.waitFor({ state: 'hidden' });
      await taskRow.getByText('2 户').waitFor();
      await expectNoOverflow(h, '抽查计划');

      // seal the list, draw, and check the draw as anyone may
      await taskRow.getByRole('link', { name: '抽取与结果' }).click();
      await h.waitForURL(/\/inspection\/draw\?taskId=/);
      await h.getByRole('button', { name: '封存名单' }).click();
      const sealed = h.waitForResponse((r) => r.url().endsWith('/commit') && r.request().method() === 'POST');
      await confirmPopover(h, okButton);
      expect((await sealed).status()).toBe(201);
      await h.getByText('名单已封存,待抽取').waitFor();
      await h.getByRole('button', { name: /^抽\s*取$/ }).click();
      const targets = h.locator('.ant-table-row');
      await targets.nth(1).waitFor();
      await expect(targets.count()).resolves.toBe(2);
      await h.getByRole('button', { name: '验证抽取' }).click();
      await h.getByText(/^验证通过/).waitFor();
      await expectNoOverflow(h, '随机抽取');

      // the result of the first firm, then 公示 with a confirmation; the row says 已公示
      const first = targets.first();
      const firm = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
      expect(firm).toMatch(/^云岭示范食品商行\d+有限公司$/);
      await first.getByRole('button', { name: /^录\s*入$/ }).click();
      modal = h.locator('.ant-modal-wrap:visible .ant-modal-content');
      await pick(h, '检查结果', '未发现问题');
      await modal.getByLabel('情况说明', { exact: true }).fill('现场检查,进货查验记录齐全。');
      await expectNoOverflow(h, '录入检查结果');
      await modal.getByRole('button', { name: okButton }).click();
      await modal.waitFor({ state: 'hidden' });
      await first.getByText('未发现问题').waitFor();
      await first.getByRole('button', { name: /^公\s*示$/ }).click();
      const published = h.waitForResponse(
        (r) => r.url().includes('/publish') && r.request().method() === 'POST',
      );
      await confirmPopover(h, okButton);
      expect((await published).status()).toBe(200);
      await first.getByText(/^已公示/).waitFor();
      await dept.close();

      // the office reads the plan and its results; nothing offers it to change them
      const office = await personAt(walk.browser, walk.server.url, w, 'yfzs', password);
      const o = office.page;
      await o.goto(`${walk.server.url}/inspection/plans`);
      await o.getByText('抽查计划由各执法部门制定').waitFor();
      await expect(o.getByRole('button', { name: /新建计划/ }).count()).resolves.toBe(0);
      const seen = o.locator('.ant-table-row', { hasText: planName });
      await seen.locator('.ant-table-row-expand-icon').click();
      const seenTask = o.locator('.ant-table-expanded-row .ant-table-row', { hasText: taskName });
      await seenTask.getByText('已抽取').waitFor();
      await expect(seenTask.getByRole('button', { name: /^修\s*改$/ }).count()).resolves.toBe(0);
      await seenTask.getByRole('link', { name: '抽取与结果' }).click();
      const row = o.locator('.ant-table-row', { hasText: firm });
      await row.getByText(/^已公示/).waitFor();
      await expect(row.getByRole('button', { name: /^录\s*入$/ }).count()).resolves.toBe(0);
      await expectNoOverflow(o, '依法治市办查看抽取');

      // the public site: the firm's result under this task
      await o.goto(`${walk.server.url}/portal/inspections?q=${encodeURIComponent(firm)}`);
      const pub = o.locator('main tr', { hasText: taskName });
      await pub.getByText('未发现问题').waitFor();
      await pub.getByRole('link', { name: firm }).click();
      await o.waitForURL(/\/portal\/inspections\/[0-9a-f-]{36}$/);
      await o.getByText('进货查验记录齐全').waitFor();
      await expectNoOverflow(o, '公开网站抽查结果');
      await office.close();
      expect([...dept.errors, ...office.errors]).toEqual([]);
    },
    300_000,
  );
});
