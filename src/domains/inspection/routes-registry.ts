import { z } from 'zod';
import { invalid } from '../../platform/errors.js';
import { LocalDate, Paging, Text, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { streamDownload } from '../../platform/http/xlsx-reply.js';
import { authorize } from '../org/policy.js';
import { RiskGrade } from './draw-input.js';
import { exportInspecteesXlsx, importInspecteesFromFile } from './inspectee-import.js';
import {
  createChecklistItem,
  createConflict,
  createInspectee,
  createInspector,
  importInspectees,
  listChecklistItems,
  listInspectees,
  listInspectors,
  registerInspectorsFromOfficers,
} from './registry-service.js';
import {
  CreateChecklistItemInput,
  CreateConflictInput,
  CreateInspecteeInput,
  CreateInspectorInput,
} from './schema.js';

const csv = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').filter(Boolean));

const InspecteeQuery = Paging.extend({
  q: Text(50).optional(),
  orgId: z.uuid().optional(),
  industry: csv.optional(),
  locationCode: csv.optional(),
  riskGrade: csv.pipe(z.array(RiskGrade)).optional(),
});

/** 一单两库: checklist items, inspectees (list, add, JSON batch, Excel import/export), inspectors, conflicts. */
export function registerRegistryRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['双随机、一公开'];
  const base = '/api/inspection';

  app.get(
    `${base}/checklist-items`,
    {
      schema: {
        tags,
        summary: '抽查事项清单',
        querystring: Paging.extend({ orgId: z.uuid().optional(), q: Text(50).optional() }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'inspection:registry:list');
      const { page, pageSize, exactTotal, ...f } = req.query;
      return listChecklistItems(db, ctx.scope, f, toOffset({ page, pageSize, exactTotal }));
    },
  );
  app.post(
    `${base}/checklist-items`,
    { schema: { tags, summary: '新增抽查事项', body: CreateChecklistItemInput } },
    async (req, reply) =>
      reply.status(201).send(await createChecklistItem(await requestCtx(req, db), req.body)),
  );

  app.get(
    `${base}/inspectees`,
    { schema: { tags, summary: '检查对象名录库', querystring: InspecteeQuery } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'inspection:registry:list');
      const { page, pageSize, exactTotal, orgId, industry, locationCode, riskGrade, q } = req.query;
      return listInspectees(
        db,
        ctx.scope,
        {
          q,
          orgIds: orgId ? [orgId] : undefined,
          industries: industry,
          locationCodes: locationCode,
          riskGrades: riskGrade,
        },
        toOffset({ page, pageSize, exactTotal }),
      );
    },
  );
  app.post(
    `${base}/inspectees`,
    { schema: { tags, summary: '新增检查对象', body: CreateInspecteeInput } },
    async (req, reply) => reply.status(201).send(await createInspectee(await requestCtx(req, db), req.body)),
  );
  app.post(
    `${base}/inspectees/batch`,
    {
      schema: {
        tags,
        summary: '批量导入检查对象(JSON)',
        body: z.strictObject({ orgId: z.uuid().optional(), rows: z.array(z.unknown()).min(1).max(200_000) }),
      },
    },
    async (req) => {
      const { orgId, rows } = req.body;
      return importInspectees(await requestCtx(req, db), { ...(orgId ? { orgId } : {}), rows });
    },
  );
  app.post(
    `${base}/inspectees/import`,
    {
      schema: {
        tags,
        summary: '从 Excel/CSV 导入检查对象(请求体为文件)',
        querystring: z.object({ orgId: z.uuid().optional() }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      if (!Buffer.isBuffer(req.body))
        throw invalid('inspection.importFile', '请上传 Excel(.xlsx)或 CSV 文件', 'file');
      const report = await importInspecteesFromFile(
        ctx,
        new Uint8Array(req.body),
        req.query.orgId ? { orgId: req.query.orgId } : {},
      );
      if (!report.ok) {
        throw invalid(
          'inspection.importRejected',
          `文件有 ${report.errorCount} 处错误,未导入任何数据`,
          undefined,
          { errors: report.errors },
        );
      }
      return { imported: report.rowsWritten };
    },
  );
  app.get(
    `${base}/inspectees/export.xlsx`,
    {
      schema: {
        tags,
        summary: '导出检查对象名录库',
        querystring: InspecteeQuery.omit({ page: true, pageSize: true, exactTotal: true }),
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const { orgId, industry, locationCode, riskGrade, q } = req.query;
      return streamDownload(reply, '检查对象名录库.xlsx', (out) =>
        exportInspecteesXlsx(
          ctx,
          {
            q,
            orgIds: orgId ? [orgId] : undefined,
            industries: industry,
            locationCodes: locationCode,
            riskGrades: riskGrade,
          },
          out,
        ),
      );
    },
  );

  app.get(
    `${base}/inspectors`,
    {
      schema: {
        tags,
        summary: '执法检查人员名录库',
        querystring: Paging.extend({
          orgId: z.uuid().optional(),
          q: Text(50).optional(),
          validOn: LocalDate.optional(),
        }),
      },
    },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'inspection:registry:list');
      const { page, pageSize, exactTotal, orgId, ...f } = req.query;
      return listInspectors(
        db,
        ctx.scope,
        { ...f, orgIds: orgId ? [orgId] : undefined },
        toOffset({ page, pageSize, exactTotal }),
      );
    },
  );
  app.post(
    `${base}/inspectors`,
    { schema: { tags, summary: '新增执法检查人员', body: CreateInspectorInput } },
    async (req, reply) =>
      reply.status(201).send({ id: await createInspector(await requestCtx(req, db), req.body) }),
  );
  app.post(
    `${base}/inspectors/from-officers`,
    { schema: { tags, summary: '从执法人员库登记检查人员', body: z.strictObject({ orgId: z.uuid() }) } },
    async (req) => registerInspectorsFromOfficers(await requestCtx(req, db), req.body.orgId),
  );
  app.post(
    `${base}/conflicts`,
    { schema: { tags, summary: '登记回避关系', body: CreateConflictInput } },
    async (req, reply) =>
      reply.status(201).send({ id: await createConflict(await requestCtx(req, db), req.body) }),
  );
}
