import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../platform/db/open.js';
import type { TestEngine } from './db.js';

/**
 * The database a describe block's tests share: a fresh one on `engine`, opened and set up by
 * `setup` before the block's tests and closed after them (also when `setup` fails). Read `h` and
 * what `setup` returned inside the tests, or in a `beforeAll` registered after this call.
 */
export function databaseSetup<T extends object>(
  engine: TestEngine,
  setup: (h: DatabaseHandle) => Promise<T>,
  timeoutMs?: number,
): { h: DatabaseHandle } & T {
  const set: { h: DatabaseHandle } & T = Object.create(null);
  beforeAll(async () => {
    set.h = await engine.open();
    Object.assign(set, await setup(set.h));
  }, timeoutMs);
  afterAll(() => set.h?.close());
  return set;
}
