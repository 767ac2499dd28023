import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOfficers } from '../../../../domains/enforcement/officers/seed.js';
import { seedPowers } from '../../../../domains/enforcement/power-list/seed.js';
import { seedPowersLists } from '../../../../domains/powers/seed.js';
import { chromiumPresent, ensureWebBuilt, launchChromium } from '../../../../test/browser.js';
import { startTestServer } from '../../../../test/server.js';
import { confirmPopover, expectNoOverflow, openAct, personAt, pick, saveAct } from '../../../../test/walk.js';
import { WIDTHS } from '../../../../test/widths.js';

interface Level {
  circumstance: string;
  fineUnit: string;
  fineMin: number | null;
  fineMax: number | null;
}

/**
 * A 行政处罚 case walked the way the people who do it work, at a laptop and at a phone: the handler
 * opens it with its 立案审批表 on a 权力事项 that has a 裁量权基准, tells the party, submits it for
 * 法制审核; the reviewer finds it in the home page's queue and returns it, then passes it; the
 * handler decides with the 违法情节 (the 告知's 处罚 carried over), publishes it, and the public
 * site shows the decision with the facts it found. Any console error or sideways scroll fails it.
 */
describe.skipIf(!chromiumPresent())('行政处罚 from 立案 to 公示, in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let item = { id: '', name: '', amount: 0 };

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer({
      // uploads (the 立案审批表) are kept here
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'fazhi-walk-')),
      seed: async (ctx, today) => {
        await seedPowers(ctx, await seedOfficers(ctx, today));
        await seedPowersLists(ctx, { log: () => {} });
        const rows = await ctx.db
          .selectFrom('discretion_standard as d')
          .innerJoin('power_item as p', 'p.id', 'd.power_item_id')
          .innerJoin('org as o', 'o.id', 'd.org_id')
          .select(['p.id', 'p.name', 'd.levels'])
          .where('o.short_name', '=', '市场监管局')
          .where('d.status', '=', 'active')
          .orderBy('p.code')
          .execute();
        for (const r of rows) {
          const general = (r.levels as Level[]).find((l) => l.circumstance === 'general');
          if (general?.fineUnit === 'yuan' && general.fineMin && general.fineMin > 0) {
            item = { id: r.id, name: r.name, amount: general.fineMin };
            return;
          }
        }
      },
    });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(WIDTHS)(
    'at $name px',
    async (w) => {
      expect(item.name, 'a 市场监管 penalty item with a 裁量权基准 in yuan').not.toBe('');
      const password = server.adminPassword;
      const party = `云岭食品经营部${w.name}号店`;
      const handler = await personAt(browser, server.url, w, 'scjg', password);
      const h = handler.page;

      // 立案: 类别 first, the 权力事项 from that 类别, the 立案审批表 uploaded with it
      await h.goto(`${server.url}/enforcement/cases/new`);
      await h.locator('.ant-select-selection-item', { hasText: '市场监督管理局' }).waitFor();
      await pick(h, '权力事项', item.name, item.name.slice(0, 8));
      await expect(
        h.locator('.ant-form-item', { has: h.getByLabel('案件类别', { exact: true }) }).textContent(),
      ).resolves.toContain('行政处罚');
      await h.getByLabel('当事人名称', { exact: true }).fill(party);
      await h
        .getByLabel('案情摘要', { exact: true })
        .fill('当事人涉嫌违反食品安全法律规定,经营超过保质期的食品,现场查获过期饮料 24 瓶。');
      await pick(h, '执法人员', 2);
      await h.getByLabel('重大案件情形', { exact: true }).fill('涉案食品流向学校周边,社会影响较大');
      await h.locator('input[type=file]').setInputFiles({
        name: '立案审批表.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n立案审批表\n%%EOF\n', 'utf8'),
      });
      await h.getByText('立案审批表.pdf').waitFor();
      await expectNoOverflow(h, '立案');
      await h.getByRole('button', { name: /^立\s*案$/ }).click();
      await h.waitForURL(/\/enforcement\/cases\/[0-9a-f-]{36}$/);
      const caseUrl = h.url();
      await h.getByText('执法全过程').waitFor();
      await h.getByTestId('act-1').getByText('立案审批表.pdf').waitFor();
      // the 立案 act has its 立案审批表: no 全过程记录 gap for it
      await expect(h.locator('.ant-alert-error', { hasText: '立案审批表' }).count()).resolves.toBe(0);
      await expectNoOverflow(h, '案件');

      // 告知 with the proposed fine, then 提交法制审核 (a major case)
      let drawer = await openAct(h, /^告知/);
      await pick(h, '处罚种类', '罚款');
      await drawer.getByLabel('罚款金额(元)', { exact: true }).fill(String(item.amount));
      await expectNoOverflow(h, '告知');
      await saveAct(h, drawer, '告知');
      drawer = await openAct(h, /提交法制审核/);
      await saveAct(h, drawer, '提交法制审核');
      await h.getByText('法制审核中').first().waitFor();

      // the reviewer's home page lists the case in 待法制审核; she returns it with her opinion
      const reviewer = await personAt(browser, server.url, w, 'fzsh', password);
      const r = reviewer.page;
      const queue = r.getByTestId('queue-cases-review');
      await queue.getByRole('link', { name: new RegExp(party) }).click();
      await r.waitForURL(caseUrl);
      drawer = await openAct(r, /法制审核退回/);
      await drawer
        .getByLabel('审核意见', { exact: true })
        .fill('违法所得计算依据不足,请补充进货凭证后重新提交。');
      await saveAct(r, drawer, '法制审核退回');

      // back to investigation: the handler tells the party again and resubmits; the reviewer passes it
      await h.reload();
      await h.getByText('违法所得计算依据不足').first().waitFor();
      drawer = await openAct(h, /^告知/);
      await pick(h, '处罚种类', '罚款');
      await drawer.getByLabel('罚款金额(元)', { exact: true }).fill(String(item.amount));
      await saveAct(h, drawer, '再次告知');
      drawer = await openAct(h, /提交法制审核/);
      await saveAct(h, drawer, '再次提交法制审核');
      await r.reload();
      drawer = await openAct(r, /法制审核通过/);
      await drawer.getByLabel('审核意见', { exact: true }).fill('事实清楚,证据确凿,适用依据正确。');
      await saveAct(r, drawer, '法制审核通过');
      await expectNoOverflow(r, '法制审核');
      await reviewer.close();

      // 决定: the 告知's 处罚 carried over, the 听证 period still open said, the 违法情节 chosen
      await h.reload();
      drawer = await openAct(h, /作出处罚决定/);
      await drawer.getByText('听证申请期限尚未届满').waitFor();
      await drawer.locator('.ant-select-selection-item', { hasText: '罚款' }).waitFor();
      await expect(drawer.getByLabel('罚款金额(元)', { exact: true }).inputValue()).resolves.toBe(
        item.amount.toFixed(2),
      );
      await drawer.getByText('本事项适用裁量权基准').waitFor();
      await pick(h, '违法情节', /^一般/);
      await expectNoOverflow(h, '决定');
      await saveAct(h, drawer, '作出处罚决定');
      await h.getByTestId('act-8').getByText('作出处罚决定').waitFor();

      // 公示 from the 执法公示 ledger, confirmed, and the row then says 已公示
      await h.goto(`${server.url}/enforcement/publications`);
      const row = h.locator('.ant-table-row', { hasText: party });
      await row.waitFor();
      await row.getByRole('button', { name: /公\s*示/ }).click();
      const published = h.waitForResponse(
        (x) => x.url().includes('/publish') && x.request().method() === 'POST',
      );
      await confirmPopover(h, /确\s*定/);
      expect((await published).status()).toBeLessThan(300);
      await row.getByText('已公示').waitFor();
      await expectNoOverflow(h, '执法公示');

      // the public site: titled by the decision, the facts as found (no 涉嫌)
      await h.goto(`${server.url}/portal/publications?q=${encodeURIComponent(party)}`);
      await h.getByRole('link', { name: party }).click();
      await h.waitForURL(/\/portal\/publications\/[0-9a-f-]{36}$/);
      const title = await h.title();
      expect(title).not.toContain(party);
      const text = (await h.locator('main').textContent()) ?? '';
      expect(text).toContain('违反食品安全法律规定');
      expect(text).not.toContain('涉嫌');
      await expectNoOverflow(h, '公开网站决定页');
      await handler.close();
      expect([...handler.errors, ...reviewer.errors]).toEqual([]);
    },
    300_000,
  );
});
