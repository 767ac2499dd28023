import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * antd props antd itself marks deprecated (its `warning.deprecated(…)` calls), each with what
 * replaces it. antd says so only in a development bundle; the browser walks run the bundle users
 * get (production), where antd is silent — so the source is checked here instead.
 */
const DEPRECATED: Record<string, string> = {
  addonAfter: 'Space.Compact 或 InputNumber 的 suffix',
  addonBefore: 'Space.Compact 或 prefix',
  destroyOnClose: 'destroyOnHidden',
  destroyInactivePanel: 'destroyOnHidden',
  destroyInactiveTabPane: 'destroyOnHidden',
  dropdownMatchSelectWidth: 'popupMatchSelectWidth',
  bodyStyle: 'styles.body',
  headStyle: 'styles.header',
  labelStyle: 'styles.label',
  contentStyle: 'styles.content',
  maskStyle: 'styles.mask',
};

const WEB = new URL('.', import.meta.url).pathname;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

describe('the web app uses no antd prop antd deprecates', () => {
  it('each listed prop is one antd still warns about', () => {
    const antd = new URL('../../node_modules/antd/es/', import.meta.url).pathname;
    const text = files(antd, '.js')
      .map((f) => readFileSync(f, 'utf8'))
      .filter((t) => t.includes('deprecated'))
      .join('\n');
    for (const prop of Object.keys(DEPRECATED)) expect(text, prop).toMatch(new RegExp(`['"\`]${prop}['"\`]`));
  });

  it('no screen passes one', () => {
    const found: string[] = [];
    for (const file of files(WEB, '.tsx').filter((f) => !f.includes('.test.'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [prop, instead] of Object.entries(DEPRECATED))
          if (new RegExp(`\\b${prop}=`).test(line))
            found.push(`${file.slice(WEB.length)}:${i + 1} ${prop} → ${instead}`);
      });
    }
    expect(found).toEqual([]);
  });
});
