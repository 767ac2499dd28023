import type { Browser } from 'playwright-core';

/** The browsers launched in this process that are still connected (for failure evidence). */
export const openBrowsers = new Set<Browser>();

export function watchBrowser(browser: Browser): void {
  openBrowsers.add(browser);
  browser.on('disconnected', () => openBrowsers.delete(browser));
}
