import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Executor } from '../db/types.js';
import '../auth/tables.js';

/**
 * A store for @fastify/rate-limit in the database every app instance shares (table rate_limit,
 * migration 0036), so a limit holds across instances behind one proxy; with REDIS_URL the
 * plugin's own Redis store is used instead. One upsert per request counts the hit and starts a
 * new window when the old one has passed.
 */
export function sqlRateLimitStore(db: Executor): FastifyRateLimitStoreCtor {
  let calls = 0;
  class SqlRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'rl:',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const window = sql`${timeWindow}::float8 * interval '1 millisecond'`;
      // windows long past, now and then (each instance sweeps; a sweep is idempotent)
      if (++calls % 1000 === 0)
        void sql`delete from rate_limit where reset_at < now() - interval '1 hour'`
          .execute(db)
          .catch(() => {});
      sql<{ hits: number; ttl: number }>`
        insert into rate_limit as r (key, hits, reset_at) values (${this.prefix + key}, 1, now() + ${window})
        on conflict (key) do update set
          hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= now() then now() + ${window} else r.reset_at end
        returning hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::float8 as ttl`
        .execute(db)
        .then((r) => {
          const row = r.rows[0];
          callback(null, { current: Number(row?.hits ?? 1), ttl: Math.ceil(Number(row?.ttl ?? timeWindow)) });
        })
        .catch((e: Error) => callback(e));
    }

    // the plugin passes the route's merged limit options with `routeInfo` (the route), as its
    // own Redis store reads them: each route counts under a key of its own
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo;
      return new SqlRateLimitStore(routeOptions, `${this.prefix}${route?.method ?? ''}${route?.url ?? ''}-`);
    }
  }
  return SqlRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
