import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../platform/db/open.js';
import type { TestEngine } from './db.js';

/**
 * The database a describe block's tests share: a fresh one on `engine`, opened and set up by
 * `setup` (if any) before the block's tests and closed after them (also when `setup` fails). Read `h` and
 * what `setup` returned inside the tests, or in a `beforeAll` registered after this call.
 */
export function databaseSetup(engine: TestEngine): { h: DatabaseHandle };
export function databaseSetup<T extends object>(
  engine: TestEngine,
  setup: (h: DatabaseHandle) => Promise<T>,
  timeoutMs?: number,
): { h: DatabaseHandle } & T;
export function databaseSetup<T extends object>(
  engine: TestEngine,
  setup?: (h: DatabaseHandle) => Promise<T>,
  timeoutMs?: number,
): { h: DatabaseHandle } & Partial<T> {
  const set: { h: DatabaseHandle } & Partial<T> = Object.create(null);
  beforeAll(async () => {
    set.h = await engine.open();
    if (setup) Object.assign(set, await setup(set.h));
  }, timeoutMs);
  afterAll(() => set.h?.close());
  return set;
}
