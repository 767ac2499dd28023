import path from 'node:path';

/** Where the platform keeps its data, from the environment (README documents these). */
export function config() {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    /** a streaming replica of DATABASE_URL for the public site, 驾驶舱, figures and reports */
    replicaUrl: process.env.DATABASE_REPLICA_URL || undefined,
    dataDir: path.resolve(process.env.FAZHI_DATA_DIR || 'data'),
    port: Number(process.env.PORT || 8080),
    host: process.env.HOST || '127.0.0.1',
    demoPassword: process.env.FAZHI_DEMO_PASSWORD || undefined,
    /** fraction of the full demo volume (0 < scale ≤ 1); a smaller demo seeds faster */
    demoScale: demoScale(process.env.FAZHI_DEMO_SCALE),
    /** Redis shared by app instances for login limits and rate limits (optional) */
    redisUrl: process.env.REDIS_URL || undefined,
    /** reverse proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDRs */
    trustedProxies: (process.env.FAZHI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function demoScale(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const n = Number(v);
  if (!(n > 0 && n <= 1)) throw new Error(`FAZHI_DEMO_SCALE 应为大于 0、不超过 1 的数:${v}`);
  return n;
}
