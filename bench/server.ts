// A benchmark server process: the real app plus a bare route that runs the same list query
// straight through the driver (no auth, no scope, no presentation) — the baseline.
import { sql } from 'kysely';
import '../src/platform/validation.js';
import { openDatabase } from '../src/platform/db/open.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/server/app.js';

const url = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const handle = url ? await openDatabase({ url }) : await openDatabase({ ...(dataDir ? { dataDir } : {}) });
await migrate(handle.db);
const app = await buildApp({ handle, loginRateLimit: 100000 });
app.get('/bench/bare', async () => {
  // the officer ledger's statement as the app sends it (the page chosen on the officers first,
  // then joined to org, body and latest certificate; the capped total riding along), with no
  // session, scope or presentation
  const r = await sql`select o.id, o.name, g.name as org_name, b.name as body_name, c.number, c.valid_until,
      (select count(*) from (select o1.id from enforcement_officer o1 limit 10001) as list_rows) as total
    from enforcement_officer o join org g on g.id = o.org_id join enforcement_body b on b.id = o.body_id
    left join lateral (select c0.number, c0.valid_until from enforcement_certificate c0
      where c0.officer_id = o.id order by c0.valid_until desc limit 1) c on true
    where o.id in (select o2.id from enforcement_officer o2 join org g2 on g2.id = o2.org_id
      order by g2.path, o2.name, o2.id limit 20)
    order by g.path, o.name, o.id`.execute(handle.db);
  return { items: r.rows };
});
app.get('/bench/plain', async () => {
  // a plain pooled SELECT of 20 rows by the primary key: what the driver and HTTP cost alone
  const r = await sql`select id, name from enforcement_officer order by id limit 20`.execute(handle.db);
  return { items: r.rows };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({
  port: typeof address === 'object' && address ? address.port : 0,
  rss: process.memoryUsage().rss,
});
process.on('message', async (m) => {
  if (m === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (m === 'stop') {
    await app.close();
    await handle.close();
    process.exit(0);
  }
});
