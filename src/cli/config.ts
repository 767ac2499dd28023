import path from 'node:path';

/** Where the platform keeps its data, from the environment (README documents these). */
export function config() {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.resolve(process.env.FAZHI_DATA_DIR || 'data'),
    port: Number(process.env.PORT || 8080),
    host: process.env.HOST || '127.0.0.1',
    demoPassword: process.env.FAZHI_DEMO_PASSWORD || undefined,
    /** Redis shared by app instances for login limits and rate limits (optional) */
    redisUrl: process.env.REDIS_URL || undefined,
    /** reverse proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDRs */
    trustedProxies: (process.env.FAZHI_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
