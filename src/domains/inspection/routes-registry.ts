import { z } from 'zod';
import { invalid } from '../../platform/errors.js';
import { LocalDate, Paging, Text } from '../../platform/validation.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import { requestCtx } from '../org/request-ctx.js';
import { authorizedCtx } from '../org/routes-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
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

/** The inspectee register's query as the store's filter (one org, several industries, places, grades). */
function inspecteeFilter(query: Omit<z.infer<typeof InspecteeQuery>, keyof Paging>) {
  const { orgId, industry, locationCode, riskGrade, q } = query;
  return {
    q,
    orgIds: orgId ? [orgId] : undefined,
    industries: industry,
    locationCodes: locationCode,
    riskGrades: riskGrade,
  };
}

/** 一单两库: checklist items, inspectees (list, add, JSON batch, Excel import/export), inspectors, conflicts. */
export function registerRegistryRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['双随机、一公开'];
  const base = '/api/inspection';
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  // the registers are read straight from the store, by whoever may list them
  const read = ledgerRoutes(app, (req) => authorizedCtx(req, db, 'inspection:registry:list'), tags);

  read.list(
    `${base}/checklist-items`,
    '抽查事项清单',
    Paging.extend({ orgId: z.uuid().optional(), q: Text(50).optional() }),
    (ctx, f, page) => listChecklistItems(ctx.db, ctx.scope, f, page),
  );
  r.create(`${base}/checklist-items`, '新增抽查事项', CreateChecklistItemInput, createChecklistItem);

  read.list(`${base}/inspectees`, '检查对象名录库', InspecteeQuery, (ctx, query, page) =>
    listInspectees(ctx.db, ctx.scope, inspecteeFilter(query), page),
  );
  r.create(`${base}/inspectees`, '新增检查对象', CreateInspecteeInput, createInspectee);
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
  r.download(
    `${base}/inspectees/export.xlsx`,
    '导出检查对象名录库',
    InspecteeQuery.omit({ page: true, pageSize: true, exactTotal: true }),
    '检查对象名录库.xlsx',
    (ctx, query, out) => exportInspecteesXlsx(ctx, inspecteeFilter(query), out),
  );

  read.list(
    `${base}/inspectors`,
    '执法检查人员名录库',
    Paging.extend({
      orgId: z.uuid().optional(),
      q: Text(50).optional(),
      validOn: LocalDate.optional(),
    }),
    (ctx, { orgId, ...f }, page) =>
      listInspectors(ctx.db, ctx.scope, { ...f, orgIds: orgId ? [orgId] : undefined }, page),
  );
  r.create(`${base}/inspectors`, '新增执法检查人员', CreateInspectorInput, async (ctx, input) => ({
    id: await createInspector(ctx, input),
  }));
  app.post(
    `${base}/inspectors/from-officers`,
    { schema: { tags, summary: '从执法人员库登记检查人员', body: z.strictObject({ orgId: z.uuid() }) } },
    async (req) => registerInspectorsFromOfficers(await requestCtx(req, db), req.body.orgId),
  );
  r.create(`${base}/conflicts`, '登记回避关系', CreateConflictInput, async (ctx, input) => ({
    id: await createConflict(ctx, input),
  }));
}
