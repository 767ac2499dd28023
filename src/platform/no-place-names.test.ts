import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRegions } from '../domains/org/demo-county.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The demo county's places, whole and short (开远市 / 开远, 红河哈尼族彝族自治州 / 红河). */
function placeNames(): string[] {
  const names = new Set<string>();
  for (const r of demoRegions) {
    names.add(r.name);
    const short = r.name.replace(/(哈尼族彝族自治州|回族乡|街道|省|州|市|县|区|镇|乡)$/u, '');
    if (short.length >= 2) names.add(short);
  }
  return [...names];
}

/** Source files that may name the demo county: its seed builders (seed*.ts, seed/ folders), the demo county itself, tests. */
const demoOnly = (file: string) =>
  /(^|\/)(seed[^/]*|demo[^/]*)(\.tsx?$|\/)/.test(file) || /\.(test|e2e\.test)\.tsx?$/.test(file);

// issue 9: "no source file outside the demo seed names a real place" — another county would get them
describe('configuration, not code: the demo county is named only by the demo seed', () => {
  it('no source file outside the seed names a place of the demo county', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'bench', 'scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !demoOnly(f));
    expect(files.length).toBeGreaterThan(300);
    const names = placeNames();
    const found: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const n of names) if (text.includes(n)) found.push(`${f}: ${n}`);
    }
    expect(found).toEqual([]);
  });
});
