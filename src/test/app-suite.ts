import { afterAll } from 'vitest';
import { appWithOrgs, loginAs, type Session } from './app.js';
import type { TestEngine } from './db.js';
import { databaseSetup } from './suite.js';

/**
 * A describe block's app: a fresh database on `engine` with the demo org tree, roles and users
 * (`databaseSetup`), the app over it, and a session for each of `users` (`t.as.<user>`). The app
 * is closed after the block's tests, before the database. `today` is today's date in China.
 */
export function appSetup<U extends string>(
  engine: TestEngine,
  users: readonly U[],
  opts: { dataDir?: string } = {},
) {
  const t = databaseSetup(
    engine,
    async (h) => {
      const { app, orgs } = await appWithOrgs(h, opts);
      const as = {} as Record<U, Session>;
      for (const u of users) as[u] = await loginAs(app, u);
      return { app, orgs, as };
    },
    300_000,
  );
  // vitest runs a block's afterAll hooks last-registered first: the app closes before the database
  afterAll(async () => {
    await t.app?.close();
  });
  return t;
}

/** Today's date in China (UTC+8), as the server's clock reads it. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
