import type { Page } from 'playwright-core';
import { openAs, type walkSetup } from '../test/walk.js';

/**
 * A ledger as `username` sees it at a desk in China (zh-CN, Asia/Shanghai): a fresh page of the
 * walk's browser, logged in, at `path` once its first rows show; `errors` collects the page's
 * uncaught exceptions from before the log-in on.
 */
export async function ledgerAs(
  walk: ReturnType<typeof walkSetup>,
  username: string,
  path: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await walk.browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAs(walk, page, username, path);
  await page.waitForSelector('.ant-table-row');
  return { page, errors };
}
