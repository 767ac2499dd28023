import type { FastifyReply, FastifyRequest } from 'fastify';
import { CompiledQuery } from 'kysely';
import { z } from 'zod';
import { safeEqual } from '../platform/auth/secrets.js';
import { DomainError } from '../platform/errors.js';
import {
  changePassword,
  type Identity,
  login,
  logout,
  resolveApiToken,
  resolveSession,
  resolveSessionForRead,
  SESSION_HOURS,
} from '../domains/org/auth-service.js';
import { type CheckRunner, runGuarded, settleGuard } from '../platform/db/read-guard.js';
import { listScopeOrgs } from '../domains/org/org-store.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { unauthenticated } from '../domains/org/request-ctx.js';
import { invalidateAuthCaches } from '../domains/org/auth-cache.js';

export const SESSION_COOKIE = 'fazhi_session';

/** Routes reachable without a session: login, health, and the public portal. */
function isPublic(url: string): boolean {
  const p = url.split('?')[0] ?? '';
  if (!p.startsWith('/api/')) return true; // the web app's static files
  return (
    p === '/api/health' || p === '/api/health/live' || p === '/api/auth/login' || p.startsWith('/api/portal/')
  );
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READ_METHODS = new Set(['GET', 'HEAD']);

export function presentMe(identity: Identity) {
  return {
    id: identity.userId,
    username: identity.actor.username,
    displayName: identity.actor.displayName,
    orgId: identity.actor.orgId,
    orgName: identity.orgName,
    regionCode: identity.actor.regionCode,
    roles: identity.roles,
    permissions: [...identity.actor.permissions].sort(),
    dataScope: identity.dataScope,
  };
}

export function registerAuth(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  // one process owns an embedded database: its sessions may be cached (resolveSession)
  const cacheSessions = opts.handle.engine === 'pglite';
  // on a server a read request may use an identity this instance resolved, with a guard that
  // checks it in the request's first round trip (platform/db/read-guard.ts)
  const guardReads = opts.handle.engine === 'postgres';
  const runCheck: CheckRunner = async (text, values) =>
    (await db.executeQuery<{ current: unknown }>(CompiledQuery.raw(text, [...values]))) as {
      rows: { current: unknown }[];
    };
  app.decorateRequest('identity', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('readGuard', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.identity = await resolveApiToken(db, auth.slice(7).trim());
      if (!req.identity) throw new DomainError('auth.badToken', '接口令牌无效或已吊销', 'unauthenticated');
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token && guardReads && READ_METHODS.has(req.method)) {
        const r = await resolveSessionForRead(db, token);
        req.identity = r?.identity ?? null;
        req.readGuard = r?.guard ?? null;
        req.sessionToken = req.identity ? token : null;
      } else if (token) {
        req.identity = await resolveSession(db, token, { cached: cacheSessions });
        req.sessionToken = req.identity ? token : null;
      }
      // CSRF: a cookie-authenticated write must echo the session's token in a header (the public
      // site's forms act on no session, so an official signed in may still submit them)
      if (req.identity && WRITE_METHODS.has(req.method) && !req.url.startsWith('/portal/')) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !req.identity.csrfToken || !safeEqual(sent, req.identity.csrfToken)) {
          throw new DomainError('auth.csrf', 'CSRF 校验失败,请刷新页面后重试', 'forbidden');
        }
      }
    }
    if (!req.identity && !isPublic(req.url)) throw unauthenticated();
  });
  // the rest of a guarded request runs under its guard, so its statements carry the check
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.readGuard) runGuarded(req.readGuard, done);
    else done();
  });

  /**
   * A read route whose request carries a guard: once the handler has answered, the guard must
   * have its answer too (sent alone if no statement carried it). A stale answer — the session
   * ended, or a user, role or org changed since the identity was kept — discards what the handler
   * made: the session is read whole and the handler runs again, or the request answers 401.
   */
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().every((m) => READ_METHODS.has(m))) return;
    const handler = route.handler;
    route.handler = async function guarded(this: unknown, req: FastifyRequest, reply: FastifyReply) {
      const guard = req.readGuard;
      if (!guard) return handler.call(this as never, req, reply);
      let value: unknown;
      let failure: { error: unknown } | null = null;
      try {
        value = await handler.call(this as never, req, reply);
      } catch (error) {
        failure = { error };
      }
      await settleGuard(guard, runCheck);
      if (guard.state !== 'stale' || reply.sent) {
        if (failure) throw failure.error;
        return value;
      }
      const token = req.sessionToken ?? '';
      // something under the identity changed (or the session ended): the kept identities and the
      // org tree of this instance are read again
      invalidateAuthCaches();
      // from here the request reads the session whole, which the guard need not vouch for
      guard.state = 'current';
      const fresh = await resolveSessionForRead(db, token);
      if (!fresh) {
        req.identity = null;
        req.sessionToken = null;
        throw unauthenticated();
      }
      req.identity = fresh.identity;
      return handler.call(this as never, req, reply);
    };
  });

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: process.env.FAZHI_SECURE_COOKIE === '1',
      maxAge: SESSION_HOURS * 3600,
    });

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: opts.loginRateLimit ?? 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['认证'],
        summary: '登录',
        security: [],
        body: z.strictObject({
          username: z.string().trim().min(1, '请输入用户名').max(40),
          password: z.string().min(1, '请输入密码').max(128),
        }),
      },
    },
    async (req, reply) => {
      const r = await login(db, { ...req.body, ip: req.ip });
      setCookie(reply, r.sessionToken);
      return { user: presentMe(r.identity), csrfToken: r.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (req, reply) => {
    if (req.identity && req.sessionToken) await logout(db, req.identity, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['认证'], summary: '当前用户' } }, async (req) => {
    const identity = req.identity;
    if (!identity) throw unauthenticated();
    return { user: presentMe(identity), csrfToken: identity.csrfToken };
  });

  app.get('/api/auth/scope-orgs', { schema: { tags: ['认证'], summary: '可切换的机构' } }, async (req) => {
    if (!req.identity) throw unauthenticated();
    return listScopeOrgs(db, req.identity.scope);
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['认证'],
        summary: '修改密码',
        body: z.strictObject({
          oldPassword: z.string().min(1).max(128),
          newPassword: z.string().min(1).max(128),
        }),
      },
    },
    async (req, reply) => {
      if (!req.identity) throw unauthenticated();
      await changePassword(db, req.identity, req.body.oldPassword, req.body.newPassword, req.sessionToken);
      return reply.status(204).send();
    },
  );
}
