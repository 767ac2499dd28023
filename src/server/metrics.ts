import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { can } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import type { AppOptions } from '../platform/http/types.js';

/**
 * GET /metrics in the Prometheus text format: request latency by route, the database pool (or
 * the embedded engine's queue) and the process (memory, event-loop lag, GC). Each app has a
 * registry of its own. Readable by a scraper on the same host (loopback, not through a proxy)
 * or by a session / API token with 系统审计 permission; anyone else gets 404.
 */
export function registerMetrics(app: FastifyInstance, opts: AppOptions): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fazhi_' });
  const latency = new Histogram({
    name: 'fazhi_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const stats = opts.handle.poolStats;
  new Gauge({
    name: 'fazhi_db_pool_connections',
    help: 'Database connections by state (in_use, idle) and requests waiting for one (waiting)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = stats?.();
      if (!s) return;
      this.set({ state: 'in_use' }, s.total - s.idle);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  new Gauge({
    name: 'fazhi_db_engine_info',
    help: 'The database engine (1 for the engine in use)',
    labelNames: ['engine'] as const,
    registers: [registry],
    collect() {
      this.set({ engine: opts.handle.engine }, 1);
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    // the route pattern (/api/enforcement/cases/:id), never the raw URL: bounded label values
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    latency.observe(
      { method: req.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const allowed = (req: FastifyRequest) => {
    if (req.identity) return can(req.identity.actor, 'system:audit:list');
    const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    return local && req.headers['x-forwarded-for'] === undefined;
  };
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!allowed(req)) throw notFound('route.notFound', `接口不存在:GET /metrics`);
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
