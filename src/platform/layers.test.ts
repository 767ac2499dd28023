import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIOME = path.join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Lints would-be files with the project's own biome.json, in a scratch copy of the layout (the
 * rules read import paths, so the files need not exist in the repository).
 */
function lint(files: Record<string, string>): { ok: boolean; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-layers-'));
  dirs.push(dir);
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'biome.json'), 'utf8'));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  fs.writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const r = spawnSync(process.execPath, [BIOME, 'lint', '--max-diagnostics=50', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const probe = (line: string) => `${line}\nexport const probe = [value];\n`;

// docs/ARCHITECTURE.md: platform ← domains ← report ← server / cli / web, enforced by lint
describe('layers run one way (biome.json overrides: noRestrictedImports, noImportCycles)', () => {
  it.each([
    ['src/platform/probe.ts', "import { value } from '../domains/index.js';"],
    ['src/platform/http/probe.ts', "import { value } from '../../server/app.js';"],
    ['src/domains/enforcement/probe.ts', "import { value } from '../../report/registry.js';"],
    ['src/domains/enforcement/cases/probe.ts', "import { value } from '../../../server/app.js';"],
    ['src/report/probe.ts', "import { value } from '../cli/db.js';"],
  ])('%s may not import upward: %s', (file, line) => {
    const r = lint({ [file]: probe(line) });
    expect(r.ok).toBe(false);
    expect(r.out).toContain('noRestrictedImports');
  });

  it.each([
    ['src/domains/enforcement/probe.ts', "import { value } from '../../platform/errors.js';"],
    ['src/report/probe.ts', "import { value } from '../domains/index.js';"],
    ['src/server/probe.ts', "import { value } from '../report/registry.js';"],
  ])('%s may import downward: %s', (file, line) => {
    const r = lint({ [file]: probe(line) });
    expect(r.out).not.toContain('noRestrictedImports');
    expect(r.ok).toBe(true);
  });

  it('an import cycle fails lint', () => {
    const r = lint({
      'src/domains/a/one.ts': "import { two } from './two.js';\nexport const one = () => two();\n",
      'src/domains/a/two.ts': "import { one } from './one.js';\nexport const two = () => one();\n",
    });
    expect(r.ok).toBe(false);
    expect(r.out).toContain('noImportCycles');
  });
});
