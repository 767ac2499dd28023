import type { FastifyReply, FastifyRequest } from 'fastify';
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
  SESSION_HOURS,
} from '../domains/org/auth-service.js';
import { listScopeOrgs } from '../domains/org/org-store.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { unauthenticated } from '../domains/org/request-ctx.js';

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
  app.decorateRequest('identity', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.identity = await resolveApiToken(db, auth.slice(7).trim());
      if (!req.identity) throw new DomainError('auth.badToken', '接口令牌无效或已吊销', 'unauthenticated');
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
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
