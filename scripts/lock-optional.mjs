// The package registry reachable from our build machines serves only the packages of this
// platform (linux-x64), so `npm install` leaves the other platforms' optional binaries
// (@biomejs/cli-darwin-arm64, @rollup/rollup-win32-…) out of package-lock.json, and `npm ci`
// then refuses the lock as out of sync. This adds those entries back as optional, so `npm ci`
// accepts the lock and skips them on platforms they are not for.
// Run after any `npm install`: node scripts/lock-optional.mjs
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    const version = String(range).replace(/^[\^~=]/, '');
    packages[key] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} optional platform entries to package-lock.json\n`);
