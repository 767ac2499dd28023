import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { DatabaseHandle } from '../db/open.js';

/** The Fastify instance with zod schemas as its type provider, as domain routes receive it. */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppOptions {
  handle: DatabaseHandle;
  /** folder of the built web app (dist/web); omitted = API only */
  webDir?: string | null;
  logger?: boolean;
  /** login attempts per IP per minute */
  loginRateLimit?: number;
  /** the data folder (attachments live under it); omitted = no attachment storage */
  dataDir?: string;
  /**
   * addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed
   * (FAZHI_TRUSTED_PROXIES); omitted or empty = the socket's address is the client's
   */
  trustedProxies?: readonly string[];
  /** Redis (REDIS_URL) for the shared login throttle and rate limits; omitted = the database */
  redis?: Redis | null;
  /** key prefix in Redis (default `fazhi:`), so two deployments can share one server */
  redisPrefix?: string;
  /**
   * Every permission of every module, for the role editor; the server fills it in from the module
   * list before the modules register their routes (so no domain imports that list).
   */
  permissions?: readonly { code: string; name: string; group: string }[];
}
