import { z } from 'zod';
import { IdParam, Paging, SortParam, Text, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import { importAnswer, sendXlsx, uploadedFile } from '../../platform/http/files.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { exportSheet, importSheet, type SheetKey, sheets } from './io.js';
import { amendEntry, createEntry, getEntry, type ListDef, repealEntry, searchList } from './list-service.js';
import { lists } from './lists.js';
import { caseOptions } from './case-hook.js';
import { ApprovalLevel, LeniencyKind, ListStatus, MatterLevel, RepealInput } from './schema.js';
import type { ListFilter } from './store.js';

const Common = {
  q: Text(50).optional(),
  sort: SortParam,
  orgId: z.uuid().optional(),
  status: ListStatus.optional(),
  powerItemId: z.uuid().optional(),
};
/** Each list's filters beyond the common ones. */
const filters = {
  licenses: z.object({
    ...Common,
    approvalLevel: ApprovalLevel.optional(),
    lawName: Text(100).optional(),
  }),
  matters: z.object({
    ...Common,
    bodyId: z.uuid().optional(),
    level: MatterLevel.optional(),
    category: Text(20).optional(),
  }),
  'leniency-items': z.object({
    ...Common,
    kind: LeniencyKind.optional(),
    lawName: Text(100).optional(),
  }),
  'discretion-standards': z.object({ ...Common, lawName: Text(100).optional() }),
} as const satisfies Record<SheetKey, z.ZodObject>;

type Loose = ListDef<{ id: string; status: 'active' | 'repealed' }, unknown, unknown>;

/** The four lists under /api/powers/<list>: list, detail with revisions, create, amend, repeal, Excel. */
export function registerPowersRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['清单管理'];
  for (const key of Object.keys(lists) as SheetKey[]) {
    const def = lists[key] as unknown as Loose;
    const title = sheets[key].sheetName;
    const base = `/api/powers/${key}`;
    const query: z.ZodObject = filters[key];
    app.get(
      base,
      { schema: { tags, summary: title, querystring: query.extend(Paging.shape) } },
      async (req) => {
        const { page, pageSize, exactTotal, sort, ...filter } = req.query as {
          page: number;
          pageSize: number;
          exactTotal?: boolean;
          sort?: string;
        };
        return searchList(
          await requestCtx(req, db),
          def,
          filter as ListFilter,
          sort,
          toOffset({ page, pageSize, exactTotal }),
        );
      },
    );
    app.get(
      `${base}/export.xlsx`,
      { schema: { tags, summary: `导出${title}(Excel)`, querystring: query.omit({ sort: true }) } },
      async (req, reply) =>
        sendXlsx(reply, await exportSheet(await requestCtx(req, db), key, req.query as ListFilter), title),
    );
    app.post(
      `${base}/import`,
      { schema: { tags, summary: `导入${title}(Excel 或 CSV,请求体为文件内容)` } },
      async (req, reply) => {
        const file = uploadedFile(req.body);
        return importAnswer(reply, await importSheet(await requestCtx(req, db), key, file));
      },
    );
    app.get(
      `${base}/:id`,
      { schema: { tags, summary: `${title}详情(含变更记录)`, params: IdParam } },
      async (req) => getEntry(await requestCtx(req, db), def, req.params.id),
    );
    app.post(
      base,
      { schema: { tags, summary: `新增${title}`, body: def.createSchema } },
      async (req, reply) =>
        reply.status(201).send(await createEntry(await requestCtx(req, db), def, req.body)),
    );
    app.post(
      `${base}/:id/amend`,
      { schema: { tags, summary: `变更${title}`, params: IdParam, body: def.amendSchema } },
      async (req) => amendEntry(await requestCtx(req, db), def, req.params.id, req.body),
    );
    app.post(
      `${base}/:id/repeal`,
      { schema: { tags, summary: `取消${title}`, params: IdParam, body: RepealInput } },
      async (req) => repealEntry(await requestCtx(req, db), def, req.params.id, req.body),
    );
  }
  app.get(
    '/api/powers/case-options',
    {
      schema: {
        tags,
        summary: '办案可用的裁量权基准与包容审慎清单事项(按权责事项)',
        querystring: z.object({ powerItemId: z.uuid() }),
      },
    },
    async (req) => caseOptions(await requestCtx(req, db), req.query.powerItemId),
  );
}
