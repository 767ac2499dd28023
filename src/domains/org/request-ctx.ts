import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Identity } from './auth-service.js';
import type { ReadGuard } from '../../platform/db/read-guard.js';
import { orgTree } from './auth-cache.js';
import { narrowScope } from './rules.js';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
    sessionToken: string | null;
    /** A read request's check that its kept identity still stands (platform/db/read-guard.ts). */
    readGuard: ReadGuard | null;
  }
}

export const unauthenticated = () => new DomainError('auth.required', '请先登录', 'unauthenticated');

/**
 * The service context of a request: the caller's actor and scope, narrowed to one org's subtree
 * when the org switcher sends `x-fazhi-org` (an org outside the scope answers 404).
 */
export async function requestCtx(req: FastifyRequest, db: Db): Promise<Ctx> {
  const identity = req.identity;
  if (!identity) throw unauthenticated();
  let scope = identity.scope;
  const header = req.headers['x-fazhi-org'];
  if (typeof header === 'string' && header !== '') {
    const narrowed = /^[0-9a-f-]{36}$/i.test(header) ? narrowScope(scope, await orgTree(db), header) : null;
    if (!narrowed) throw notFound('org.notFound', '所选机构不存在或不在您的权限范围内');
    scope = narrowed;
  }
  return { db, actor: identity.actor, scope, now: () => new Date() };
}
