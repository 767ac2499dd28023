import { z } from 'zod';
import { IdParam, LocalDate, Paging, QueryBool, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../../server/context.js';
import type { AppOptions, TypedApp } from '../../server/types.js';
import { CaseStatus, OnTheSpotInput, OpenCaseInput, Procedure, RecordActionInput } from './case-schema.js';
import { decideOnTheSpot, getCase, openCase, recordAction, searchCases } from './case-service.js';
import { PublicationStatus, publishPublications, searchPublications } from './publication-service.js';

export const PublicationQuery = Paging.extend({
  status: z.enum(PublicationStatus).optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  orgId: z.uuid().optional(),
});

export const CaseQuery = Paging.extend({
  q: z.string().max(50).optional(),
  status: CaseStatus.optional(),
  orgId: z.uuid().optional(),
  procedure: Procedure.optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  major: QueryBool.optional(),
  openedFrom: LocalDate.optional(),
  openedTo: LocalDate.optional(),
});

export function registerCaseRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法'];
  app.get(
    '/api/enforcement/cases',
    { schema: { tags, summary: '执法案件台账(可筛选临期、逾期)', querystring: CaseQuery } },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchCases(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/enforcement/cases/:id',
    { schema: { tags, summary: '案件详情(流程记录、期限、可办理环节)', params: IdParam } },
    async (req) => getCase(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/enforcement/cases',
    { schema: { tags, summary: '立案(普通程序)', body: OpenCaseInput } },
    async (req, reply) => reply.status(201).send(await openCase(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/enforcement/cases/on-the-spot',
    { schema: { tags, summary: '当场处罚(简易程序)', body: OnTheSpotInput } },
    async (req, reply) => reply.status(201).send(await decideOnTheSpot(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/enforcement/cases/:id/actions',
    {
      schema: {
        tags,
        summary: '办理环节(调查、告知、审核、决定、送达…)',
        params: IdParam,
        body: RecordActionInput,
      },
    },
    async (req) => recordAction(await requestCtx(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/enforcement/publications',
    { schema: { tags, summary: '行政处罚决定公示(可筛选临期、逾期)', querystring: PublicationQuery } },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchPublications(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.post(
    '/api/enforcement/publications/:id/publish',
    {
      schema: {
        tags,
        summary: '公示',
        params: IdParam,
        body: z.strictObject({ version: z.number().int().positive(), date: LocalDate }),
      },
    },
    async (req) => ({
      published: await publishPublications(await requestCtx(req, db), [{ id: req.params.id, ...req.body }]),
    }),
  );
}
