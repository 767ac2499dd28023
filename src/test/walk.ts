import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureWebBuilt, launchChromium, loginInBrowser } from './browser.js';
import { startTestServer } from './server.js';
import type { Width } from './widths.js';

/**
 * A person at a browser: a page of their own (own cookies), logged in, with every console error
 * and uncaught exception collected so that the walk fails on any of them.
 */
export async function personAt(
  browser: Browser,
  url: string,
  w: Width,
  username: string,
  password: string,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: w.width, height: w.height },
  });
  const page = await context.newPage();
  // the login page asks /api/auth/me and is answered 401 before anyone logs in: errors count from then on
  await loginInBrowser(page, url, username, password);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  return { page, errors, close: () => context.close() };
}

/**
 * A walk's server and browser, started before the walk's tests (the web app built first, unless
 * `webApp: false` for the public site, which the server renders) and closed after them: read
 * `server` and `browser` inside the tests, or in a `beforeAll` registered after this call.
 */
export function walkSetup(
  opts: Parameters<typeof startTestServer>[0] = {},
  o: { webApp?: boolean; timeoutMs?: number } = {},
) {
  const set: { server: Awaited<ReturnType<typeof startTestServer>>; browser: Browser } = Object.create(null);
  beforeAll(async () => {
    if (o.webApp ?? true) await ensureWebBuilt();
    set.server = await startTestServer(opts);
    set.browser = await launchChromium();
  }, o.timeoutMs ?? 600_000);
  afterAll(async () => {
    await set.browser?.close();
    await set.server?.close();
  });
  return set;
}

/** Logs `username` in on `page` at the walk's server (the demo password) and opens `path` there. */
export async function openAs(
  walk: ReturnType<typeof walkSetup>,
  page: Page,
  username: string,
  path: string,
): Promise<void> {
  await loginInBrowser(page, walk.server.url, username, walk.server.adminPassword);
  await page.goto(`${walk.server.url}${path}`);
}

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

/**
 * The first detail page each public list links to, by its path: `lists` pairs a list's path
 * with the pattern its detail links follow. For the walks that check every kind of public page.
 */
export async function firstDetailPages(
  browser: Browser,
  baseUrl: string,
  lists: readonly (readonly [string, RegExp])[],
): Promise<string[]> {
  const page = await browser.newPage();
  const found: string[] = [];
  for (const [list, pattern] of lists) {
    await page.goto(`${baseUrl}${list}`);
    const hrefs = await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const detail = hrefs.find((h) => pattern.test(h));
    if (detail) found.push(new URL(detail).pathname);
  }
  await page.close();
  return found;
}

/**
 * The open dropdown lies inside the window, and each option it shows is read whole: no option's
 * text is cut off (an ellipsis) or wider than the list.
 */
export async function expectDropdownFits(page: Page, where: string): Promise<void> {
  await dropdownAtRest(page);
  const { box, cut } = await page.evaluate(() => {
    const open = [...document.querySelectorAll('.ant-select-dropdown')].find(
      (d) => !d.classList.contains('ant-select-dropdown-hidden'),
    );
    if (!open) return { box: null, cut: [] as string[] };
    const r = open.getBoundingClientRect();
    const cut = [...open.querySelectorAll('.ant-select-item-option-content')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > r.right + 0.5)
      .map((c) => `${c.textContent} (${c.scrollWidth}px in ${c.clientWidth}px)`);
    return { box: { left: r.left, right: r.right, window: window.innerWidth }, cut };
  });
  expect(box, `${where}: no open dropdown`).not.toBeNull();
  expect(box?.left ?? -1, `${where}: dropdown starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(
    box?.right ?? Number.POSITIVE_INFINITY,
    `${where}: dropdown ends right of the window`,
  ).toBeLessThanOrEqual(box?.window ?? 0);
  expect(cut, `${where}: options cut off`).toEqual([]);
}

/** The page is no wider than the window: nothing to scroll sideways. */
export async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const { over, widest } = await page.evaluate(() => {
    const w = window.innerWidth;
    // the innermost elements that stick out, so a failure says what to fix
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 0.5 && e.getBoundingClientRect().width > 0)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > w + 0.5))
      .slice(0, 3)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`,
      );
    return { over: document.documentElement.scrollWidth - w, widest: out.join(', ') };
  });
  expect(over, `horizontal overflow at ${where}: ${widest}`).toBeLessThanOrEqual(0);
}

/**
 * Waits until every open antd dropdown has finished its opening animation. rc-motion opens a
 * dropdown in steps (prepare → start → active), holding each for two animation frames, and the
 * options stand still in each: at 390 px 罚款 was drawn at y=573 in "prepare", at y=489 in
 * "start", then slid back to 573. Two still frames is what playwright takes as "stable", so under
 * load a click aimed in "start" landed where no option was once the animation ran: 罚款 was never
 * chosen and the 罚款金额 field stayed disabled for 30 s. Options are aimed at only at rest.
 */
export async function dropdownAtRest(page: Page) {
  await page.waitForFunction(() => {
    const open = [...document.querySelectorAll('.ant-select-dropdown')].filter(
      (d) => !d.classList.contains('ant-select-dropdown-hidden'),
    );
    return open.length > 0 && open.every((d) => !/-(appear|enter|leave)\b/.test(d.className));
  });
}

/**
 * Picks options of an antd Select named by its label (typing `search` first when given), and
 * waits for the field to show the choice: a wrong or lost click fails here, not 30 s later.
 */
export async function pick(page: Page, label: string, option: string | RegExp | number, search?: string) {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) }).last();
  const chosen = item.locator('.ant-select-selection-item');
  // a multiple select that has tags already: into the search box after them (at 390 px the middle
  // of the field may be a tag's 移除 cross)
  const multiple = (await item.locator('.ant-select-multiple').count()) > 0;
  if (multiple && (await chosen.count()) > 0)
    await item.locator('input.ant-select-selection-search-input').click();
  else await item.locator('.ant-select-selector').click();
  if (search) await page.keyboard.type(search);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  if (typeof option === 'number') {
    await options.first().waitFor();
    await dropdownAtRest(page);
    const before = await chosen.count();
    for (let i = 0; i < option; i++) {
      await options.nth(i).click();
      await chosen.nth(before + i).waitFor();
    }
  } else {
    const one = options.filter({ hasText: option }).first();
    await one.waitFor();
    await dropdownAtRest(page);
    await one.click();
    await chosen.filter({ hasText: option }).first().waitFor();
  }
  const dropdown = page.locator('.ant-select-dropdown:visible');
  if ((await dropdown.count()) > 0) {
    // a multiple select stays open: close it by clicking a neutral place (the title of the drawer
    // or dialog it is in: outside a dialog a click would close the dialog), never Escape
    const inDrawer = page.locator('.ant-drawer-open .ant-drawer-title');
    const inModal = page.locator('.ant-modal-wrap:visible .ant-modal-title');
    // a dialog opened from a drawer lies over it: its title, never the covered drawer's
    const title =
      (await inModal.count()) > 0
        ? inModal.last()
        : (await inDrawer.count()) > 0
          ? inDrawer.first()
          : page.locator('.ant-card-head-title').first();
    await title.click();
    await dropdown.first().waitFor({ state: 'hidden' });
  }
}

/** Opens an act of the case page by its button and waits for its drawer to have finished sliding in. */
export async function openAct(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  await page.locator('.ant-drawer-open .ant-drawer-content-wrapper').waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('.ant-drawer-open .ant-drawer-content-wrapper');
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return Math.abs(r.right - window.innerWidth) < 1 && !el.className.includes('motion');
  });
  return page.locator('.ant-drawer-open .ant-drawer-content');
}

/**
 * Clicks and waits for the server's 200 to that request (method, path pattern) — a refused request
 * fails with the server's answer, not a timeout on a toast that came and went.
 */
export async function clickAndAnswer(page: Page, target: Locator, method: string, path: RegExp) {
  const answer = page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
  await target.click();
  const r = await answer;
  expect(r.status(), await r.text()).toBe(200);
}

/** Saves the open act drawer and waits for the act to appear in the case's timeline. */
export async function saveAct(page: Page, drawer: ReturnType<Page['locator']>, label: string) {
  const answered = page.waitForResponse(
    (r) => r.url().includes('/actions') && r.request().method() === 'POST',
  );
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  const res = await answered;
  expect(res.status(), `${label}: ${await res.text()}`).toBe(200);
  await drawer.waitFor({ state: 'hidden' });
}

/**
 * Waits until nothing on the page — or inside `within` — is in an rc-motion phase (`…-appear`,
 * `…-enter`, `…-leave` and their `-prepare`/`-start`/`-active` steps): a drawer sliding in, a 菜单
 * group unfolding, a Popconfirm zooming open. Each step holds still for two frames, which playwright
 * takes as "stable", so a click aimed during one can land where the target is not once the next step
 * draws (see dropdownAtRest): the Popconfirm's 确定 then falls outside the bubble and closes it
 * unconfirmed, and a menu entry lands on its neighbour.
 *
 * Only elements that are drawn count. A motion whose element was hidden under it (a form message
 * leaving inside a dialog that closed meanwhile) never gets its transitionend and keeps its class
 * for good, though nothing moves on screen (CI: a 45 s timeout at 390 px). On a timeout the error
 * names the elements still in motion.
 */
export async function motionAtRest(page: Page, within?: Locator) {
  const scope = within ? await within.elementHandle() : null;
  // in the page: the elements drawn in a motion phase; `list` false asks only whether there are none
  const moving = ({ root, list }: { root: Element | null; list: boolean }) => {
    const found = [
      ...(root ?? document).querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]'),
    ]
      .concat(root ? [root] : [])
      .filter(
        (e) =>
          /-(appear|enter|leave)(-(prepare|start|active))?(\s|$)/.test(e.getAttribute('class') ?? '') &&
          e.getClientRects().length > 0,
      )
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class')}">`);
    return list ? found : found.length === 0;
  };
  try {
    await page.waitForFunction(moving, { root: scope, list: false });
  } catch (e) {
    const still = await page.evaluate(moving, { root: scope, list: true }).catch(() => []);
    throw new Error(`still in motion: ${[still].flat().join(', ') || '(nothing now)'}`, { cause: e });
  } finally {
    await scope?.dispose();
  }
}

/**
 * Answers an open Modal.confirm with its button named `name`, once the dialog has finished zooming
 * open: a click aimed mid-zoom can land on the mask beside the moving button, and a confirm dialog
 * does not close on its mask, so the click is lost and nothing is sent.
 */
export async function confirmDialog(page: Page, name: string | RegExp) {
  // the open one: a confirm dialog closed a moment ago may still be in the page, hidden
  const root = page.locator('.ant-modal-root', { has: page.locator('.ant-modal-confirm-btns:visible') });
  const buttons = root.locator('.ant-modal-confirm-btns');
  await buttons.waitFor();
  await motionAtRest(page, root);
  await buttons.getByRole('button', { name }).click();
}

/** Answers an open Popconfirm with its button named `name`, once the bubble has finished opening. */
export async function confirmPopover(page: Page, name: string | RegExp) {
  const bubble = page.locator('.ant-popover:not(.ant-popover-hidden)', {
    has: page.locator('.ant-popconfirm-buttons'),
  });
  const buttons = bubble.locator('.ant-popconfirm-buttons');
  await buttons.waitFor();
  await motionAtRest(page, bubble);
  await buttons.getByRole('button', { name }).click();
}
