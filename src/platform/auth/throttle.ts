import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Executor } from '../db/types.js';
import './tables.js';

/**
 * Attempt limits shared by every app instance (login, password change): counters live in
 * PostgreSQL (table auth_throttle, migration 0036) or, when REDIS_URL is set, in Redis — never
 * in the process, so two instances behind one proxy count the same attempts.
 *
 * An attempt is counted before the password is checked, in one statement that also decides
 * whether it may proceed: the first `free` attempts pass, each later one sets a delay that
 * doubles from `baseMs` up to `maxMs`, and an attempt during a delay is refused without being
 * counted. Parallel attempts therefore cannot all be evaluated (issue #10 D1). A success clears
 * the counter.
 */
export interface AttemptRule {
  /** attempts allowed before delays start */
  free: number;
  /** the first delay; each further attempt doubles it */
  baseMs: number;
  maxMs: number;
  /** a counter with no attempt for this long starts again */
  windowMs: number;
}

export interface AttemptResult {
  allowed: boolean;
  /** attempts counted so far in the window (including this one when allowed) */
  failures: number;
  /** when the next attempt may be made (null: now) */
  blockedUntil: Date | null;
}

export interface ThrottleStore {
  readonly kind: 'postgres' | 'redis';
  attempt(key: string, rule: AttemptRule, now: Date): Promise<AttemptResult>;
  clear(keys: readonly string[]): Promise<void>;
  /** Takes back one counted attempt (it succeeded): only failures hold an address. */
  forgive(key: string): Promise<void>;
  /** Marks a key (e.g. an address a user logged in from) as known for `ttlMs`. */
  remember(key: string, ttlMs: number, now: Date): Promise<void>;
  remembered(key: string, now: Date): Promise<boolean>;
}

/** Counters in the database every instance shares (PostgreSQL, or PGlite for one process). */
export class SqlThrottleStore implements ThrottleStore {
  readonly kind = 'postgres' as const;
  constructor(private readonly db: Executor) {}

  async attempt(key: string, rule: AttemptRule, now: Date): Promise<AttemptResult> {
    const nonce = randomUUID();
    const at = sql`${now.toISOString()}::timestamptz`;
    const fresh = sql`(t.expires_at <= ${at})`;
    const blocked = sql`(t.blocked_until is not null and t.blocked_until > ${at})`;
    const next = sql`(case when ${fresh} then 1 else t.failures + 1 end)`;
    const delay = (n: ReturnType<typeof sql>) =>
      sql`case when ${n} >= ${rule.free}::int then ${at} + least(${rule.maxMs}::float8,
        ${rule.baseMs}::float8 * power(2, ${n} - ${rule.free}::int)) * interval '1 millisecond' end`;
    const expires = sql`${at} + ${rule.windowMs}::float8 * interval '1 millisecond'`;
    const r = await sql<{ failures: number; blocked_until: Date | null; allowed: boolean }>`
      insert into auth_throttle as t (key, failures, blocked_until, attempt_id, expires_at)
      values (${key}, 1, ${delay(sql`1`)}, ${nonce}, ${expires})
      on conflict (key) do update set
        failures = case when ${blocked} then t.failures else ${next} end,
        blocked_until = case when ${blocked} then t.blocked_until else ${delay(next)} end,
        attempt_id = case when ${blocked} then t.attempt_id else ${nonce} end,
        expires_at = case when ${blocked} then t.expires_at else ${expires} end
      returning failures, blocked_until, attempt_id = ${nonce} as allowed`.execute(this.db);
    const row = r.rows[0];
    if (!row) throw new Error('auth_throttle upsert returned no row');
    return {
      allowed: row.allowed,
      failures: Number(row.failures),
      blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null,
    };
  }

  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
  }

  async forgive(key: string): Promise<void> {
    await this.db
      .updateTable('auth_throttle')
      .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
      .where('key', '=', key)
      .execute();
  }

  async remember(key: string, ttlMs: number, now: Date): Promise<void> {
    const expires = new Date(now.getTime() + ttlMs);
    await this.db
      .insertInto('auth_throttle')
      .values({ key, failures: 0, blocked_until: null, attempt_id: null, expires_at: expires })
      .onConflict((oc) => oc.column('key').doUpdateSet({ expires_at: expires }))
      .execute();
    // rows nobody touched for their whole window, a few at a time
    await sql`delete from auth_throttle where key in (
      select key from auth_throttle where expires_at < ${now.toISOString()}::timestamptz limit 100)`.execute(
      this.db,
    );
  }

  async remembered(key: string, now: Date): Promise<boolean> {
    const r = await this.db
      .selectFrom('auth_throttle')
      .select('key')
      .where('key', '=', key)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r !== undefined;
  }
}

/** The same rule as one Lua script, so the count and the decision are one atomic step. */
const ATTEMPT_LUA = `
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local base = tonumber(ARGV[3])
local max = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
local h = redis.call('HMGET', KEYS[1], 'f', 'b')
local f = tonumber(h[1]) or 0
local b = tonumber(h[2]) or 0
if b > now then return {0, f, b} end
f = f + 1
local nb = 0
if f >= free then nb = now + math.min(max, base * 2 ^ (f - free)) end
redis.call('HSET', KEYS[1], 'f', f, 'b', nb)
redis.call('PEXPIRE', KEYS[1], window)
return {1, f, math.floor(nb)}
`;

const FORGIVE_LUA = `
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
if f > 0 then redis.call('HSET', KEYS[1], 'f', f - 1) end
return 0
`;

/** Counters in Redis (REDIS_URL), shared by every instance that points at it. */
export class RedisThrottleStore implements ThrottleStore {
  readonly kind = 'redis' as const;
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'fazhi:throttle:',
  ) {}

  async attempt(key: string, rule: AttemptRule, now: Date): Promise<AttemptResult> {
    const [allowed, failures, blockedUntil] = (await this.redis.eval(
      ATTEMPT_LUA,
      1,
      this.prefix + key,
      now.getTime(),
      rule.free,
      rule.baseMs,
      rule.maxMs,
      rule.windowMs,
    )) as [number, number, number];
    return {
      allowed: allowed === 1,
      failures,
      blockedUntil: blockedUntil > 0 ? new Date(blockedUntil) : null,
    };
  }

  async clear(keys: readonly string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }

  async forgive(key: string): Promise<void> {
    await this.redis.eval(FORGIVE_LUA, 1, this.prefix + key);
  }

  async remember(key: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, '1', 'PX', ttlMs);
  }

  async remembered(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }
}

/** One Redis connection for a URL (the throttle and the rate limits share it). */
export function openRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
}
