import type { Browser, Page } from 'playwright-core';

/** The browsers launched in this process that are still connected (for failure evidence). */
export const openBrowsers = new Set<Browser>();

/** What each page met that a failed test's evidence reports: crashes, console errors, failed answers. */
export const pageEvents = new WeakMap<Page, string[]>();

/**
 * How long a browser step may wait for the page: the server under test answers from PGlite in
 * the test's own process, and on a loaded 2-core CI machine one step can take tens of seconds.
 */
export const STEP_TIMEOUT = 45_000;

function watchPage(page: Page): void {
  const events: string[] = [];
  pageEvents.set(page, events);
  const note = (line: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (events.length > 20) events.shift();
  };
  page.on('crash', () => note('the page crashed'));
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') note(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) =>
    note(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  page.on('response', (r) => {
    if (r.status() >= 400) note(`answer ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
}

/** Every context (and so every page) of `browser` gets the step timeout and is watched. */
export function watchBrowser(browser: Browser): void {
  openBrowsers.add(browser);
  browser.on('disconnected', () => openBrowsers.delete(browser));
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.on('page', watchPage);
    return context;
  };
}
