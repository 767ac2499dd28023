import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import '../platform/validation.js';
import { allPermissions, domainModules } from '../domains/index.js';
import { RedisThrottleStore } from '../platform/auth/throttle.js';
import { configurePortal, registerPortalFrame } from '../platform/http/portal-page.js';
import { sqlRateLimitStore } from '../platform/http/rate-limit-store.js';
import { registerReadYourWrites } from '../platform/http/read-replica.js';
import { setThrottleStore } from '../domains/org/auth-service.js';
import { applySite } from '../domains/org/site-service.js';
import { readSite } from '../domains/org/site-store.js';
import { registerAuth } from './auth-plugin.js';
import { errorHandler } from '../platform/http/errors.js';
import { registerMetrics } from './metrics.js';
import { registerCalendarRoutes } from './calendar-routes.js';
import { registerFileRoutes } from './file-routes.js';
import { registerPlatformRoutes } from './platform-routes.js';
import { reportLayer } from '../report/module.js';
import { VERSION } from './version.js';

import { checkBodyDepth } from '../platform/http/json-depth.js';
import { multipartFile } from '../platform/http/multipart.js';
import type { AppOptions } from '../platform/http/types.js';

export type { AppOptions, TypedApp } from '../platform/http/types.js';

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: 'info',
          // structured logs without personal data: no bodies, no cookies, no auth headers
          serializers: {
            req: (req) => ({ method: req.method, url: req.url.split('?')[0] }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 10 * 1024 * 1024,
    // X-Forwarded-For only from the configured proxies: from anyone else it is a forged address
    // that would dodge the per-address login limits and go into the audit log (issue #10 D2)
    trustProxy: opts.trustedProxies?.length ? [...opts.trustedProxies] : false,
  });
  // login attempts and rate limits shared by every instance: Redis when configured, else the database
  setThrottleStore(
    opts.redis ? new RedisThrottleStore(opts.redis, `${opts.redisPrefix ?? 'fazhi:'}throttle:`) : null,
  );
  // ledger uploads (Excel / CSV) arrive as the raw request body
  app.addContentTypeParser(
    [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
      'application/octet-stream',
    ],
    { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  // the web app uploads the same files as multipart/form-data (field `file`)
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 },
    (req, body, done) =>
      done(null, multipartFile(body as Buffer, req.headers['content-type']) ?? Buffer.alloc(0)),
  );
  // before any schema or handler walks it: a deeply nested body is a 400, never a stack overflow
  app.addHook('preValidation', async (req) => {
    checkBodyDepth(req.body);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const hasWeb = Boolean(opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb) {
      return reply
        .status(404)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: 'about:blank',
          title: '未找到',
          status: 404,
          code: 'route.notFound',
          detail: `接口不存在:${req.method} ${req.url.split('?')[0]}`,
        });
    }
    // single-page app: unknown non-API paths serve index.html
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects CSS-in-JS styles
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // county intranets often serve plain HTTP on a LAN address: do not force https
        upgradeInsecureRequests: null,
      },
    },
    // the Referer goes to our own pages only (the public site's 大字版 switch returns the reader to
    // the page they came from); other sites still learn nothing of our URLs
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(cookie);
  // with a read replica: a writer's next reads wait for it or go to the primary (read-your-writes)
  registerReadYourWrites(app, opts.handle);
  await app.register(
    rateLimit,
    opts.redis
      ? { global: false, redis: opts.redis, nameSpace: `${opts.redisPrefix ?? 'fazhi:'}rl:` }
      : { global: false, store: sqlRateLimitStore(opts.handle.db) },
  );
  registerMetrics(app, opts);
  await app.register(swagger, {
    openapi: {
      info: { title: 'fazhi 法治政府建设一体化平台 API', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fazhi_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  registerAuth(typed, opts);
  registerPlatformRoutes(typed, opts);
  registerCalendarRoutes(typed, opts);
  registerFileRoutes(typed, opts);
  configurePortal({ links: domainModules.flatMap((m) => m.portalLinks ?? []) });
  // the public site's masthead and footer: the deployment's settings (saved ones re-apply at once)
  applySite(await readSite(opts.handle.db));
  // another app instance may save new settings: each instance re-reads them every few seconds
  registerPortalFrame(app, { refreshSite: async () => applySite(await readSite(opts.handle.db)) });
  const withPermissions = { ...opts, permissions: allPermissions() };
  for (const m of domainModules) m.registerRoutes?.(typed, withPermissions);
  reportLayer.registerRoutes(typed, withPermissions);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (hasWeb && opts.webDir) {
    await app.register(fastifyStatic, {
      root: opts.webDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
    });
  }
  return app;
}
