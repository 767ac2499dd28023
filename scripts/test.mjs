// `npm test`: build the web app if needed (the browser test serves it), then run every test.
// With TEST_DATABASE_URL set, database tests run on PGlite and on that PostgreSQL server.
// Then the tests of the tables `fazhi partition` moves (cases, acts, records, 公示, audit, and the
// domains and figures that read them, a backup and restore among them) run again on the province
// layout: on PostgreSQL when it is set, else on PGlite (src/test/db.ts, FAZHI_TEST_LAYOUT). Given
// paths, only those run, once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

if (!fs.existsSync('dist/web/index.html') || process.env.CI === 'true') {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const args = process.argv.slice(2);
const r = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit' });
if (r.status !== 0 || args.length > 0) process.exit(r.status ?? 1);

const PARTITIONED = [
  'src/domains/enforcement',
  'src/domains/disputes',
  'src/domains/inspection',
  'src/platform/audit',
  'src/report',
];
process.stdout.write(`\n年度分区布局(fazhi partition)上再运行:${PARTITIONED.join(' ')}\n`);
const p = spawnSync('npx', ['vitest', 'run', ...PARTITIONED, '--exclude', '**/*.e2e.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FAZHI_TEST_LAYOUT: 'partitioned' },
});
process.exit(p.status ?? 1);
