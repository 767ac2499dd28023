import { z } from 'zod';
import { IdParam, Paging, QueryBool, Text, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { streamDownload } from '../../../platform/http/xlsx-reply.js';
import { exportOfficerLedger } from './export.js';
import {
  BodyKind,
  CertificateInput,
  CertificateState,
  CreateBodyInput,
  CreateOfficerInput,
  SetCertificateStatusInput,
  UpdateBodyInput,
  UpdateOfficerInput,
} from './schema.js';
import {
  addCertificate,
  createBody,
  createOfficer,
  getBody,
  getOfficer,
  searchBodies,
  searchOfficers,
  setCertificateStatus,
  updateBody,
  updateOfficer,
} from './service.js';

export const BodyQuery = Paging.extend({
  q: Text(50).optional(),
  kind: BodyKind.optional(),
  orgId: z.uuid().optional(),
});

const OfficerFilterQuery = z.object({
  q: Text(50).optional(),
  orgId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  active: QueryBool.optional(),
  certificateState: CertificateState.optional(),
  expiresWithin: z.coerce.number().int().min(0).max(3650).optional(),
  uncertified: QueryBool.optional(),
});
export const OfficerQuery = Paging.extend(OfficerFilterQuery.shape);

export function registerOfficerRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法'];

  app.get(
    '/api/enforcement/bodies',
    { schema: { tags, summary: '执法主体列表', querystring: BodyQuery } },
    async (req) => {
      const { page, pageSize, exactTotal, ...filter } = req.query;
      return searchBodies(await requestCtx(req, db), filter, toOffset({ page, pageSize, exactTotal }));
    },
  );
  app.get(
    '/api/enforcement/bodies/:id',
    { schema: { tags, summary: '执法主体详情', params: IdParam } },
    async (req) => getBody(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/enforcement/bodies',
    { schema: { tags, summary: '新增执法主体', body: CreateBodyInput } },
    async (req, reply) => reply.status(201).send(await createBody(await requestCtx(req, db), req.body)),
  );
  app.patch(
    '/api/enforcement/bodies/:id',
    { schema: { tags, summary: '修改执法主体', params: IdParam, body: UpdateBodyInput } },
    async (req) => updateBody(await requestCtx(req, db), req.params.id, req.body),
  );

  app.get(
    '/api/enforcement/officers',
    { schema: { tags, summary: '执法人员台账', querystring: OfficerQuery } },
    async (req) => {
      const { page, pageSize, exactTotal, ...filter } = req.query;
      return searchOfficers(await requestCtx(req, db), filter, toOffset({ page, pageSize, exactTotal }));
    },
  );
  app.get(
    '/api/enforcement/officers/export.xlsx',
    { schema: { tags, summary: '导出执法人员台账', querystring: OfficerFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '执法人员台账.xlsx', (out) => exportOfficerLedger(ctx, req.query, out));
    },
  );
  app.get(
    '/api/enforcement/officers/:id',
    { schema: { tags, summary: '执法人员详情', params: IdParam } },
    async (req) => getOfficer(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/enforcement/officers',
    { schema: { tags, summary: '新增执法人员', body: CreateOfficerInput } },
    async (req, reply) => reply.status(201).send(await createOfficer(await requestCtx(req, db), req.body)),
  );
  app.patch(
    '/api/enforcement/officers/:id',
    { schema: { tags, summary: '修改执法人员', params: IdParam, body: UpdateOfficerInput } },
    async (req) => updateOfficer(await requestCtx(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/enforcement/officers/:id/certificates',
    { schema: { tags, summary: '登记(换发)执法证', params: IdParam, body: CertificateInput } },
    async (req, reply) =>
      reply.status(201).send(await addCertificate(await requestCtx(req, db), req.params.id, req.body)),
  );
  app.post(
    '/api/enforcement/certificates/:id/status',
    { schema: { tags, summary: '暂扣、注销或恢复执法证', params: IdParam, body: SetCertificateStatusInput } },
    async (req) => setCertificateStatus(await requestCtx(req, db), req.params.id, req.body),
  );
}
