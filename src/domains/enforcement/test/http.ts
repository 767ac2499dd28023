import type { FastifyInstance } from 'fastify';
import type { Session } from '../../../test/app.js';

/** A session's requests to the app: GET a url, POST a JSON body (what the route tests send). */
export function requestsOf(app: FastifyInstance, session: Session) {
  return {
    get: (url: string) => app.inject({ url, headers: session.headers }),
    post: (url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: session.headers, payload }),
  };
}
