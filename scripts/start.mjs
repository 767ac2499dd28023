// `npm start`: build the web app when its sources are newer than the build, then serve.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const built = 'dist/web/index.html';
const stale = !fs.existsSync(built) || newest('src/web') > fs.statSync(built).mtimeMs;
if (stale) {
  process.stderr.write('构建前端(首次启动需要约一分钟)…\n');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['bin/fazhi.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
