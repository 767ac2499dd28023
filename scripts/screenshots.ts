/**
 * npm run screenshots — writes docs/screenshots/<page>-<width>.png: each demo role's home page
 * (its work queues; the leader's 驾驶舱) and each public page, at 1440 and 390 px, from a fresh
 * demo county (a small one, seeded through the services). Needs the built web app and chromium.
 */
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { domainModules } from '../src/domains/index.js';
import { ensureWebBuilt, launchChromium, loginInBrowser, ROOT } from '../src/test/browser.js';
import { startTestServer } from '../src/test/server.js';
import { firstUserOfEachRole } from '../src/test/demo-roles.js';
import { WIDTHS } from '../src/test/widths.js';

/**
 * Every public page there is: the portal home and each domain's public list (its `portalLinks`),
 * and for each list its first record's page. A domain that adds a public page is covered.
 */
const PUBLIC: (readonly [string, string])[] = [
  ['portal-home', '/portal'],
  ...domainModules.flatMap((m) =>
    (m.portalLinks ?? []).map((l) => [`portal-${l.href.split('/').pop() ?? m.key}`, l.href] as const),
  ),
];

async function main() {
  const out = path.join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  await ensureWebBuilt();
  console.log('生成演示数据…');
  const server = await startTestServer({ fullDemo: true, scale: 0.05 });
  // one demo user per role, read from the seeded database: a role added to the demo is covered
  const ROLES = (await firstUserOfEachRole(server.handle.db)).map((r) => [r.username, r.role] as const);
  const browser = await launchChromium();
  const written = new Set<string>();
  try {
    for (const w of WIDTHS) {
      for (const [user, label] of ROLES) {
        const context = await browser.newContext({
          locale: 'zh-CN',
          viewport: { width: w.width, height: w.height },
        });
        // two busy cores make a login and a 驾驶舱 slow; a picture is worth waiting for
        context.setDefaultTimeout(180_000);
        const page = await context.newPage();
        await loginInBrowser(page, server.url, user, server.adminPassword);
        await page.goto(`${server.url}/`);
        // the home page has loaded when its greeting shows and its queues (or, for the leader, the
        // 驾驶舱) have answered: no spinner left, nothing more asked of the server
        await page.locator('main h4').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
        const file = path.join(out, `home-${user}-${w.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.add(path.basename(file));
        console.log(`${label} 首页 ${w.name}px → ${path.relative(ROOT, file)}`);
        await context.close();
      }
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      context.setDefaultTimeout(180_000);
      const page = await context.newPage();
      const shoot = async (name: string, what: string) => {
        const file = path.join(out, `${name}-${w.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.add(path.basename(file));
        console.log(`${what} ${w.name}px → ${path.relative(ROOT, file)}`);
      };
      for (const [name, url] of PUBLIC) {
        await page.goto(`${server.url}${url}`);
        await shoot(name, url);
        if (url === '/portal') continue;
        const detail = await findRecordPage(page, server.url, url);
        if (detail) {
          await page.goto(`${server.url}${detail}`);
          await shoot(`${name}-detail`, detail);
        } else if (await fileApplication(page, server.url, url)) {
          await shoot(`${name}-receipt`, `${url} 提交成功`);
          // the receipt shows the 查询码 once; the lookup below it asks for it back
          const secret = (await page.locator('main dt:text-is("查询码") + dd').textContent()) ?? '';
          const lookup = page.locator('main form').last();
          await lookup.locator('input[name="secret"]').fill(secret.trim());
          await lookup.getByRole('button').click();
          await page.waitForLoadState('load');
          await shoot(`${name}-status`, `${url} 办理进度`);
        } else throw new Error(`${url}: 演示数据中没有可截图的详情页`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // a page or role that is gone leaves no stale picture behind
  for (const f of readdirSync(out))
    if (f.endsWith('.png') && !written.has(f)) {
      unlinkSync(path.join(out, f));
      console.log(`删除已不再生成的 ${f}`);
    }
}

const UUID = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Links under `main` on the page now showing, as same-site paths with their query. */
async function mainLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((h) => new URL(h)).map((u) => `${u.pathname}${u.search}`);
}

/**
 * The first record page a public list links to: on the list itself, or one step further on a
 * page of the same section it links to (the 决定书 list of 行政复议, another year of the 决策目录).
 */
async function findRecordPage(page: Page, base: string, list: string): Promise<string | undefined> {
  const isRecord = (h: string) => h.startsWith(`${list}/`) && UUID.test(h);
  const first = await mainLinks(page);
  const direct = first.find(isRecord);
  if (direct) return direct;
  const further = [...new Set(first.filter((h) => h.startsWith(list) && h !== list && !UUID.test(h)))];
  for (const sub of further.slice(0, 6)) {
    await page.goto(`${base}${sub}`);
    const found = (await mainLinks(page)).find(isRecord);
    if (found) return found;
  }
  return undefined;
}

/**
 * A public form page without records to list (依申请公开, 信访): files one application as a
 * citizen would, choosing the first offered option of each list and plain answers elsewhere,
 * and leaves the browser on the receipt. False when the page has no such form.
 */
async function fileApplication(page: Page, base: string, url: string): Promise<boolean> {
  await page.goto(`${base}${url}`);
  const form = page.locator(`main form[action="${url}"]`);
  if ((await form.count()) !== 1) return false;
  for (const select of await form.locator('select').all()) {
    const values = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (values[0]) await select.selectOption(values[0]);
  }
  for (const field of await form.locator('input[required], textarea[required]').all()) {
    const name = (await field.getAttribute('name')) ?? '';
    const type = (await field.getAttribute('type')) ?? 'text';
    const value =
      type === 'number'
        ? '1'
        : type === 'date'
          ? new Date().toISOString().slice(0, 10)
          : /contact|phone/i.test(name)
            ? '13908731234'
            : /name/i.test(name)
              ? '周文斌'
              : '请提供本县上一年度行政执法统计年报。';
    await field.fill(value);
  }
  await form.getByRole('button').click();
  await page.waitForLoadState('load');
  return (await page.locator('main').textContent())?.includes('查询码') ?? false;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
