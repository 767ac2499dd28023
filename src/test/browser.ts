import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { watchBrowser } from './open-browsers.js';

/** Real-browser tests drive Debian's chromium through playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Whether the browser tests can run. CI installs chromium, so there a missing browser is a
 * failure, never a silent skip; elsewhere the tests are skipped with a message.
 */
export function chromiumPresent(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && process.env.CI === 'true') {
    throw new Error(`未找到 ${CHROMIUM}:CI 必须安装 chromium(apt-get install -y chromium)才能运行浏览器测试`);
  }
  if (!present) process.stderr.write(`[e2e] 未找到 ${CHROMIUM},跳过浏览器测试(CI=true 时为失败)\n`);
  return present;
}

/** The newest modification time of the files under `dir` (0 when there is none). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && !e.name.includes('.test.'))
      t = Math.max(t, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/**
 * `npm test` builds dist/web first; building here keeps a single browser test (and `npm run
 * screenshots`) self-sufficient, and rebuilds when any source file is newer than the build.
 */
export async function ensureWebBuilt(): Promise<void> {
  const built = path.join(ROOT, 'dist/web/index.html');
  const sources = Math.max(
    // the bundle imports label tables and small rules from the server's folders too (zod-free modules)
    newest(path.join(ROOT, 'src')),
    ...['vite.config.ts'].map((f) =>
      existsSync(path.join(ROOT, f)) ? statSync(path.join(ROOT, f)).mtimeMs : 0,
    ),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const { build } = await import('vite');
  // the bundle users get: under vitest NODE_ENV is 'test', and vite would then build React and
  // antd with their development warnings, which the walks count as console errors
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = env;
  }
}

/** Headless chromium with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // shared memory goes to /tmp: a container's small /dev/shm makes tabs crash or hang mid-test
      '--disable-dev-shm-usage',
    ],
  });
  watchBrowser(browser);
  return browser;
}

/** Logs in through the login page and waits to leave it. */
export async function loginInBrowser(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}
