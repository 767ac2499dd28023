import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../platform/db/open.js';

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
}
