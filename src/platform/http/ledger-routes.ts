import type { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../context.js';
import { IdParam, type Paging, toOffset } from '../validation.js';
import type { TypedApp } from './types.js';
import { streamDownload } from './xlsx-reply.js';

type PageParams = ReturnType<typeof toOffset>;
type Filter<Q extends z.ZodType> = Omit<z.infer<Q>, keyof Paging>;
/** A body the route validates with its schema, or (schema `null`) one the service parses itself. */
type Body<B extends z.ZodType | null> = B extends z.ZodType ? z.infer<B> : unknown;
/** The route's schema with its body, when it has one (a `null` body adds no key). */
const withBody = <S extends object>(schema: S, body: z.ZodType | null) =>
  body ? { ...schema, body } : schema;

/**
 * The routes every ledger repeats, each one line where it is registered: a paged list, one record,
 * a new record (201), an act on a record (validated body on `:id`) and the ledger's .xlsx download. Each is the route's four
 * steps — the zod schema validates, `ctxOf` builds the request's context (the session, its scope),
 * the service authorises and does the work and its answer is the reply; a `DomainError` becomes
 * problem+json in the one error handler. Paths, summaries and schemas stay with the domain.
 */
export function ledgerRoutes(app: TypedApp, ctxOf: (req: FastifyRequest) => Promise<Ctx>, tags: string[]) {
  return {
    /** GET a page of the ledger: the query's paging becomes `{ offset, limit, exactTotal }`. */
    list<Q extends z.ZodType<Paging>>(
      path: string,
      summary: string,
      querystring: Q,
      search: (ctx: Ctx, filter: Filter<Q>, page: PageParams) => Promise<unknown>,
    ) {
      app.get(path, { schema: { tags, summary, querystring } }, async (req) => {
        const { page, pageSize, exactTotal, ...filter } = req.query as z.infer<Q>;
        return search(await ctxOf(req), filter as Filter<Q>, toOffset({ page, pageSize, exactTotal }));
      });
    },
    /** GET the ledger as an .xlsx download, with the list's filters (streamed: see `streamDownload`). */
    download<Q extends z.ZodType>(
      path: string,
      summary: string,
      querystring: Q,
      filename: string,
      write: (ctx: Ctx, query: z.infer<Q>, out: Writable) => Promise<unknown>,
    ) {
      app.get(path, { schema: { tags, summary, querystring } }, async (req, reply) => {
        const ctx = await ctxOf(req);
        return streamDownload(reply, filename, (out) => write(ctx, req.query as z.infer<Q>, out));
      });
    },
    /** GET one record by `:id` (outside the scope the service answers 404). */
    get(path: string, summary: string, find: (ctx: Ctx, id: string) => Promise<unknown>) {
      app.get(path, { schema: { tags, summary, params: IdParam } }, async (req) =>
        find(await ctxOf(req), req.params.id),
      );
    },
    /** POST a new record: 201 with what the service returns. */
    create<B extends z.ZodType | null>(
      path: string,
      summary: string,
      body: B,
      create: (ctx: Ctx, input: Body<B>) => Promise<unknown>,
    ) {
      app.post(path, { schema: withBody({ tags, summary }, body) }, async (req, reply) =>
        reply.status(201).send(await create(await ctxOf(req), req.body as Body<B>)),
      );
    },
    /** POST a record under the record `:id` (a certificate to an officer, an appeal to a suit): 201. */
    addTo<B extends z.ZodType | null>(
      path: string,
      summary: string,
      body: B,
      add: (ctx: Ctx, id: string, input: Body<B>) => Promise<unknown>,
    ) {
      app.post(path, { schema: withBody({ tags, summary, params: IdParam }, body) }, async (req, reply) =>
        reply.status(201).send(await add(await ctxOf(req), req.params.id, req.body as Body<B>)),
      );
    },
    /** A write on the record `:id` (PATCH or PUT, or POST for an act of its workflow): 200 with the record. */
    act<B extends z.ZodType | null>(
      path: string,
      summary: string,
      body: B,
      act: (ctx: Ctx, id: string, input: Body<B>) => Promise<unknown>,
      method: 'post' | 'patch' | 'put' = 'post',
    ) {
      app[method](path, { schema: withBody({ tags, summary, params: IdParam }, body) }, async (req) =>
        act(await ctxOf(req), req.params.id, req.body as Body<B>),
      );
    },
  };
}
