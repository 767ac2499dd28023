import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/types.js';

/** `?year=`: the one filter of the oversight lists that are not paged (督察计划, 评查活动, 意见书, 考评). */
export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** GET a whole list filtered by `?year=` alone: the query is validated, the service authorises and answers. */
export function yearListRoute(app: TypedApp, ctxOf: (req: FastifyRequest) => Promise<Ctx>, tags: string[]) {
  return (
    path: string,
    summary: string,
    list: (ctx: Ctx, f: z.infer<typeof YearQuery>) => Promise<unknown>,
  ) => {
    app.get(path, { schema: { tags, summary, querystring: YearQuery } }, async (req) =>
      list(await ctxOf(req), req.query),
    );
  };
}
