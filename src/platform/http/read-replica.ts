import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/open.js';
import { currentLsn, readerFor } from '../db/replica.js';
import type { Db } from '../db/types.js';

/** The cookie that carries the WAL position after the browser's last write. */
export const LAST_WRITE_COOKIE = 'fazhi_lsn';
/** Longer than any replica lag worth waiting for; after it the replica has long caught up. */
const KEEP_SECONDS = 300;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read-your-writes with a replica (@fastify/cookie reads and writes the cookie): after a
 * successful write the response carries the primary's WAL position in a cookie, and `readDb` sends that browser's lag-tolerant reads to the primary
 * until the replica has replayed that far. Any app instance can do this: nothing is kept in memory.
 */
export function registerReadYourWrites(app: FastifyInstance, handle: DatabaseHandle): void {
  if (!handle.replica) return;
  app.addHook('onSend', async (req, reply, payload) => {
    if (!WRITES.has(req.method) || reply.statusCode >= 400) return payload;
    const lsn = await currentLsn(handle.db);
    reply.setCookie(LAST_WRITE_COOKIE, lsn, {
      path: '/',
      maxAge: KEEP_SECONDS,
      httpOnly: true,
      sameSite: 'lax',
    });
    return payload;
  });
}

/** The database for a read that may come from the replica (public site, 驾驶舱, figures, reports). */
export function readDb(req: FastifyRequest, handle: DatabaseHandle): Promise<Db> {
  return readerFor(handle, req.cookies[LAST_WRITE_COOKIE]);
}
