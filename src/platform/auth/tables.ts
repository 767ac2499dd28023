declare module '../db/types.js' {
  interface Database {
    auth_throttle: AuthThrottleTable;
    rate_limit: RateLimitTable;
  }
}

/** migrations/0036_shared_limits.sql: attempt counters and known addresses (platform/auth/throttle). */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  blocked_until: Date | null;
  attempt_id: string | null;
  expires_at: Date;
}

/** migrations/0036_shared_limits.sql: request counters of @fastify/rate-limit (platform/auth/rate-limit-store). */
export interface RateLimitTable {
  key: string;
  hits: number;
  reset_at: Date;
}
