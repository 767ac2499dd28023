import { fileURLToPath } from 'node:url';
import { type Ctx, chinaDate, systemCtx } from '../platform/context.js';
import { seedDemo } from '../report/demo.js';
import { demoUscc, seedOrgs } from '../domains/org/seed.js';
import { buildApp } from '../server/app.js';
import { testEngines } from './db.js';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * A real server on a loopback port over a fresh embedded database, serving the built web app
 * (dist/web). `fullDemo` seeds every domain's demo data; otherwise only orgs, roles and users.
 */
export async function startTestServer(
  opts: {
    fullDemo?: boolean;
    /** with `fullDemo`: the share of the county's volumes to seed (1 = the whole demo county) */
    scale?: number;
    seed?: (ctx: Ctx, today: string) => Promise<void>;
    /** where uploaded attachments are kept (POST /api/files); none = uploads refused */
    dataDir?: string;
  } = {},
) {
  const pglite = testEngines().find((e) => e.name === 'pglite');
  if (!pglite) throw new Error('PGlite engine missing');
  const handle = await pglite.open();
  const adminPassword = 'Browser-passw0rd';
  if (opts.fullDemo)
    await seedDemo(handle.db, {
      password: adminPassword,
      ...(opts.scale !== undefined ? { scale: opts.scale } : {}),
    });
  else await seedOrgs(systemCtx(handle.db), adminPassword, demoUscc);
  await opts.seed?.(systemCtx(handle.db), chinaDate(new Date()));
  const app = await buildApp({
    handle,
    webDir: WEB_DIR,
    loginRateLimit: 1000,
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    adminPassword,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
