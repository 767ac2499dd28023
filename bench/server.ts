// A benchmark server process: the real app plus a bare route that runs the same list query
// straight through the driver (no auth, no scope, no presentation) — the baseline.
import { CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import '../src/platform/validation.js';
import { openDatabase } from '../src/platform/db/open.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/server/app.js';
import { listOfficers } from '../src/domains/enforcement/officers/store.js';
import { ALL_SCOPE, chinaDate } from '../src/platform/context.js';

const url = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const handle = url ? await openDatabase({ url }) : await openDatabase({ ...(dataDir ? { dataDir } : {}) });
await migrate(handle.db);
const app = await buildApp({ handle, loginRateLimit: 100000 });
// The officer ledger's page statement exactly as the app sends it (page chosen on the officers
// first, then joined to org, body and latest certificate; the capped total riding along): compiled
// once here by the store itself, so the baseline cannot drift from the subject's statement.
const ledgerPage = await pageStatement();
app.get('/bench/bare', async () => {
  // the same statement straight through the driver: no session, scope, kysely or presentation
  const r = await handle.db.executeQuery(ledgerPage);
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

/** The statement `listOfficers` sends for the first page of 20 with no filter, as compiled text. */
async function pageStatement(): Promise<CompiledQuery> {
  const sent: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      sent.push(handle.db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await listOfficers(handle.db.withPlugin(capture), ALL_SCOPE, {}, chinaDate(new Date()), {
    offset: 0,
    limit: 20,
  });
  // the plugin also sees each sub-query as it is embedded; the page statement is the one whole
  const pages = sent.filter((q) => q.sql.includes('list_total'));
  const page = pages[0];
  if (pages.length !== 1 || !page)
    throw new Error(`found ${pages.length} officer page statements, expected 1`);
  return CompiledQuery.raw(page.sql, [...page.parameters]);
}
