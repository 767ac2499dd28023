import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import type { Permission } from '../permissions.js';
import { authorize } from './policy.js';
import { requestCtx } from './request-ctx.js';

/**
 * The request's context once its actor holds `permission`: the guard of routes that read a store
 * directly (no service to authorise them). Not logged in answers 401 before the 403.
 */
export async function authorizedCtx(req: FastifyRequest, db: Db, permission: Permission): Promise<Ctx> {
  const ctx = await requestCtx(req, db);
  authorize(ctx.actor, permission);
  return ctx;
}
