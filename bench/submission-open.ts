// 本单位填报 opened on a seeded demo county (issue 11: 4.6 s at full scale): the server's own routes
// through app.inject, as the page asks them — the unit's list, then one answer with its lines
// (GET /api/data-call-submissions/:id: the filed figures and the platform-computed ones).
//   FAZHI_DATA_DIR=/path/with/pgdata npx tsx bench/submission-open.ts          (PGlite)
//   DATABASE_URL=postgres://…/db npx tsx bench/submission-open.ts               (PostgreSQL)
// The demo must have been seeded with FAZHI_DEMO_PASSWORD (BENCH_PASSWORD, default walks-demo-1);
// BENCH_USERS lists who opens it (default: each user with a submission in scope), BENCH_RUNS the runs.
import path from 'node:path';
import { openDatabase } from '../src/platform/db/open.js';
import { buildApp } from '../src/server/app.js';
import { loginAs } from '../src/test/app.js';

const password = process.env.BENCH_PASSWORD ?? 'walks-demo-1';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const url = process.env.DATABASE_URL;
const handle = await openDatabase(
  url ? { url } : { dataDir: path.join(process.env.FAZHI_DATA_DIR ?? './data', 'pgdata') },
);
const app = await buildApp({ handle, loginRateLimit: 10_000 });
const users = process.env.BENCH_USERS?.split(',') ?? ['township', 'scjg', 'yfzs'];

async function timed(f: () => Promise<unknown>): Promise<number[]> {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ts.push(Math.round(performance.now() - t));
  }
  return ts;
}
const median = (ts: number[]) => [...ts].sort((a, b) => a - b)[Math.floor(ts.length / 2)] ?? 0;

process.stdout.write(`engine ${handle.engine}, ${runs} runs each (ms)\n`);
for (const username of users) {
  const s = await loginAs(app, username, password);
  const get = async (u: string) => {
    const res = await app.inject({ url: u, headers: s.headers });
    if (res.statusCode !== 200) throw new Error(`${u}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  // a unit's own answers; the office (no 填报 of its own) the answers it reviews
  const own = await app.inject({ url: '/api/data-call-submissions?page=1&pageSize=20', headers: s.headers });
  const listUrl = `/api/data-call-submissions?page=1&pageSize=20${own.statusCode === 403 ? '&status=submitted' : ''}`;
  const list = (await get(listUrl)) as { items: { id: string }[] };
  const listMs = await timed(() => get(listUrl));
  process.stdout.write(`${username} list: median ${median(listMs)} [${listMs.join(' ')}]\n`);
  for (const { id } of list.items.slice(0, 3)) {
    const one = await timed(() => get(`/api/data-call-submissions/${id}`));
    process.stdout.write(`${username} open ${id.slice(0, 8)}: median ${median(one)} [${one.join(' ')}]\n`);
  }
}
await app.close();
await handle.close();
