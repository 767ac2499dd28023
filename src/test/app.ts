import type { FastifyInstance } from 'fastify';
import { systemCtx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { type DemoOrgs, demoUscc, seedOrgs } from '../domains/org/seed.js';
import { buildApp } from '../server/app.js';

export const TEST_PASSWORD = 'Passw0rd-demo';

/** A migrated database with the demo org tree, roles and users, and the app over it. */
export async function appWithOrgs(
  h: DatabaseHandle,
  opts: { dataDir?: string } = {},
): Promise<{ app: FastifyInstance; orgs: DemoOrgs }> {
  const orgs = await seedOrgs(systemCtx(h.db), TEST_PASSWORD, demoUscc);
  const app = await buildApp({ handle: h, loginRateLimit: 1000, ...opts });
  return { app, orgs };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'fazhi_session');
  if (!set) throw new Error('no session cookie');
  const cookie = `fazhi_session=${set.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A session's requests to the app: GET a url, POST, PUT or PATCH a JSON body (what the route tests send). */
export function requestsOf(app: FastifyInstance, session: Session) {
  return {
    get: (url: string) => app.inject({ url, headers: session.headers }),
    post: (url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: session.headers, payload }),
    put: (url: string, payload: object) =>
      app.inject({ method: 'PUT', url, headers: session.headers, payload }),
    patch: (url: string, payload: object) =>
      app.inject({ method: 'PATCH', url, headers: session.headers, payload }),
  };
}
