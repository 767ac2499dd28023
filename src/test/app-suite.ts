import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import type { DatabaseHandle } from '../platform/db/open.js';
import type { DemoOrgs } from '../domains/org/seed.js';
import { appWithOrgs } from './app.js';
import type { TestEngine } from './db.js';
import { databaseSetup } from './suite.js';

/**
 * A describe block's app over a fresh database on `engine` with the demo orgs (`appWithOrgs`),
 * built before the block's tests; after them the app is closed, then the database. Read `app`,
 * `orgs` and `h` inside the tests, or in a `beforeAll` registered after this call.
 * (Apart from test/app.ts, which scripts outside vitest import.)
 */
export function appSetup(
  engine: TestEngine,
  opts: { dataDir?: string } = {},
  timeoutMs?: number,
): { h: DatabaseHandle; app: FastifyInstance; orgs: DemoOrgs } {
  const set = databaseSetup(engine, (h) => appWithOrgs(h, opts), timeoutMs);
  // registered after databaseSetup's afterAll, so it runs first: the app closes before its database
  afterAll(() => set.app?.close());
  return set;
}
