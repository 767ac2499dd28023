/**
 * npm run screenshots — writes docs/screenshots/<page>-<width>.png: each demo role's home page
 * (its work queues; the leader's 驾驶舱) and each public page, at 1440 and 390 px, from a fresh
 * demo county (a small one, seeded through the services). Needs the built web app and chromium.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { domainModules } from '../src/domains/index.js';
import { ensureWebBuilt, launchChromium, loginInBrowser, ROOT } from '../src/test/browser.js';
import { startTestServer } from '../src/test/server.js';
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
  const roles = await server.handle.db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['u.username', 'r.name as role'])
    .orderBy('r.code')
    .orderBy('u.created_at')
    .execute();
  const ROLES = [...new Map(roles.map((r) => [r.role, r.username] as const)).entries()].map(
    ([label, user]) => [user, label] as const,
  );
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
      for (const [name, list] of PUBLIC.slice(1)) {
        await page.goto(`${server.url}${list}`);
        const hrefs = await page
          .locator('main a')
          .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        const pattern = new RegExp(`^${list}/[0-9a-f-]{36}$`);
        const detail = hrefs.map((h) => new URL(h).pathname).find((h) => pattern.test(h));
        if (detail) shots.push([name.replace(/s$/, ''), detail]);
        else console.warn(`${list}: 演示数据中没有可截图的详情页`);
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
