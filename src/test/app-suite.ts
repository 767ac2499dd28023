import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import type { DatabaseHandle } from '../platform/db/open.js';
import type { DemoOrgs } from '../domains/org/seed.js';
import { appWithOrgs, loginAs, type Session } from './app.js';
import type { TestEngine } from './db.js';
import { databaseSetup } from './suite.js';

/**
 * A describe block's app over a fresh database on `engine` with the demo org tree, roles and users
 * (`appWithOrgs`), built before the block's tests, with a session for each of `users`
 * (`t.as.<user>`); after the tests the app is closed, then the database. Read `h`, `app`, `orgs`
 * and `as` inside the tests, or in a `beforeAll` registered after this call.
 * (Apart from test/app.ts, which scripts outside vitest import.)
 */
export function appSetup<U extends string = never>(
  engine: TestEngine,
  opts: { users?: readonly U[]; dataDir?: string; timeoutMs?: number } = {},
): { h: DatabaseHandle; app: FastifyInstance; orgs: DemoOrgs; as: Record<U, Session> } {
  const set = databaseSetup(
    engine,
    async (h) => {
      const { app, orgs } = await appWithOrgs(h, opts.dataDir ? { dataDir: opts.dataDir } : {});
      const as = {} as Record<U, Session>;
      for (const u of opts.users ?? []) as[u] = await loginAs(app, u);
      return { app, orgs, as };
    },
    opts.timeoutMs ?? (opts.users?.length ? 300_000 : undefined),
  );
  // registered after databaseSetup's afterAll, so it runs first: the app closes before its database
  afterAll(() => set.app?.close());
  return set;
}

/** Today's date in China (UTC+8), as the server's clock reads it. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
