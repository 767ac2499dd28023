// `npm test`: build the web app if needed (the browser test serves it), then run every test.
// With TEST_DATABASE_URL set, database tests run on PGlite and on that PostgreSQL server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

if (!fs.existsSync('dist/web/index.html') || process.env.CI === 'true') {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
