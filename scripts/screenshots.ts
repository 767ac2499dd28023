/**
 * npm run screenshots — writes docs/screenshots/<page>-<width>.png: each demo role's home page
 * (its work queues; the leader's 驾驶舱) and each public page, at 1440 and 390 px, from a fresh
 * demo county (a small one, seeded through the services). Needs the built web app and chromium.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureWebBuilt, launchChromium, loginInBrowser, ROOT } from '../src/test/browser.js';
import { startTestServer } from '../src/test/server.js';
import { WIDTHS } from '../src/test/widths.js';

const ROLES = [
  ['admin', '系统管理员'],
  ['yfzs', '依法治市办'],
  ['leader', '领导'],
  ['scjg', '承办人员'],
  ['fzsh', '法制审核人员'],
  ['township', '乡镇街道'],
  ['clerk', '录入员'],
] as const;

const PUBLIC = [
  ['portal-home', '/portal'],
  ['portal-publications', '/portal/publications'],
  ['portal-inspections', '/portal/inspections'],
  ['portal-reports', '/portal/reports'],
] as const;

async function main() {
  const out = path.join(ROOT, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  await ensureWebBuilt();
  console.log('生成演示数据…');
  const server = await startTestServer({ fullDemo: true, scale: 0.05 });
  const browser = await launchChromium();
  try {
    for (const w of WIDTHS) {
      for (const [user, label] of ROLES) {
        const context = await browser.newContext({
          locale: 'zh-CN',
          viewport: { width: w.width, height: w.height },
        });
        const page = await context.newPage();
        await loginInBrowser(page, server.url, user, server.adminPassword);
        await page.goto(`${server.url}/`);
        // the home page has loaded when its queues (or, for the leader, the 驾驶舱) have answered
        await page.waitForLoadState('networkidle');
        const file = path.join(out, `home-${user}-${w.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${label} 首页 ${w.name}px → ${path.relative(ROOT, file)}`);
        await context.close();
      }
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: w.width, height: w.height },
      });
      const page = await context.newPage();
      const shots: (readonly [string, string])[] = [...PUBLIC];
      for (const [name, list, pattern] of [
        ['portal-publication', '/portal/publications', /\/portal\/publications\/[0-9a-f-]{36}$/],
        ['portal-inspection', '/portal/inspections', /\/portal\/inspections\/[0-9a-f-]{36}$/],
        ['portal-report', '/portal/reports', /\/portal\/reports\/[0-9a-f-]{36}$/],
      ] as const) {
        await page.goto(`${server.url}${list}`);
        const hrefs = await page
          .locator('main a')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        const detail = hrefs.find((h) => pattern.test(h));
        if (detail) shots.push([name, new URL(detail).pathname]);
      }
      for (const [name, url] of shots) {
        await page.goto(`${server.url}${url}`);
        const file = path.join(out, `${name}-${w.name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${url} ${w.name}px → ${path.relative(ROOT, file)}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
