import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach } from 'vitest';
import { openBrowsers as browsers, pageEvents } from './open-browsers.js';

/**
 * What a failed browser test leaves behind (a vitest setup file, run in every test file): a
 * screenshot and the HTML of each open page under .tmp/failures/, and on stderr each page's
 * address and the longest pause of this process's event loop during the test (the server under
 * test runs in this process on PGlite, so a long pause stalls the browser's answers too).
 */
const DIR = path.resolve('.tmp/failures');
const lag = monitorEventLoopDelay({ resolution: 20 });
lag.enable();

beforeEach(() => {
  lag.reset();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail' || browsers.size === 0) return;
  const name = `${path.basename(ctx.task.file?.name ?? 'test')}-${ctx.task.name}`.replace(
    /[^\w.\u4e00-\u9fa5-]+/g,
    '_',
  );
  const lines = [`[e2e failure] ${name}: longest event-loop pause ${Math.round(lag.max / 1e6)} ms`];
  mkdirSync(DIR, { recursive: true });
  let n = 0;
  for (const browser of browsers)
    for (const context of browser.contexts())
      for (const page of context.pages()) {
        n += 1;
        const file = path.join(DIR, `${name}-${n}`);
        // does the page still answer, and what does it say (toasts, field errors, alerts)?
        const said = await Promise.race([
          page
            .evaluate(() =>
              [
                ...document.querySelectorAll(
                  '.ant-message, .ant-notification, .ant-form-item-explain-error, .ant-alert-message',
                ),
              ]
                .map((e) => e.textContent?.trim())
                .filter(Boolean)
                .join(' | '),
            )
            .then((t) => `answers; on screen: ${t || '(no message)'}`),
          new Promise<string>((r) => setTimeout(() => r('does not answer within 5 s'), 5_000)),
        ]).catch((e: unknown) => `unreadable: ${String(e).slice(0, 200)}`);
        lines.push(`  page ${n}: ${page.url()} ${said.slice(0, 400)} → ${file}.png`);
        for (const e of pageEvents.get(page) ?? []) lines.push(`    ${e.slice(0, 300)}`);
        await page.screenshot({ path: `${file}.png`, fullPage: true, timeout: 10_000 }).catch(() => {});
        const html = await page.content().catch(() => '');
        writeFileSync(`${file}.html`, html);
      }
  const text = `${lines.join('\n')}\n`;
  process.stderr.write(text);
  appendFileSync(path.join(DIR, 'summary.txt'), text);
});
