import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { IdParam, Int32, LocalDate, Paging, QueryBool, Text } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import { ENFORCEMENT_TAGS as tags, enforcementLedgerRoutes } from '../ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { LocalFileStore } from '../../../platform/files/index.js';
import {
  CaseCategory,
  CaseStatus,
  OnTheSpotInput,
  OpenCaseInput,
  Procedure,
  RecordActionInput,
  type RecordInput,
  RecordsInput,
} from './schema.js';
import { decideOnTheSpot, getCase, openCase, searchCases } from './service.js';
import { addRecords, recordAction } from './act-service.js';
import { allPages, sendLedgerXlsx } from '../../../platform/http/xlsx-reply.js';
import { viewLedger } from '../../../platform/io/index.js';
import { publicationLedgerColumns } from '../publications/export.js';
import { withdrawPublication } from '../publications/withdrawal.js';
import { PublicationStatus, publishPublications, searchPublications } from '../publications/service.js';

export const PublicationQuery = Paging.extend({
  status: z.enum(PublicationStatus).optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  orgId: z.uuid().optional(),
  withdrawal: z.enum(['pending', 'dueSoon', 'overdue']).optional(),
});

export const CaseQuery = Paging.extend({
  q: Text(50).optional(),
  status: CaseStatus.optional(),
  orgId: z.uuid().optional(),
  procedure: Procedure.optional(),
  category: CaseCategory.optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  major: QueryBool.optional(),
  openedFrom: LocalDate.optional(),
  openedTo: LocalDate.optional(),
});

export function registerCaseRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  // 全过程记录 cite attachments of the file store (POST /api/files); without one they are refused
  const files = opts.dataDir ? new LocalFileStore(opts.dataDir) : null;
  const r = enforcementLedgerRoutes(app, opts);
  r.list('/api/enforcement/cases', '执法案件台账(可筛选临期、逾期)', CaseQuery, searchCases);
  r.get('/api/enforcement/cases/:id', '案件详情(流程记录、期限、可办理环节)', getCase);
  /** A new case from its input, with the 全过程记录 filed with it. */
  const withRecords =
    (create: typeof openCase | typeof decideOnTheSpot) =>
    (ctx: Ctx, { records, ...input }: { records?: RecordInput[] | undefined }) =>
      create(ctx, input, { files }, records);
  r.create(
    '/api/enforcement/cases',
    '立案(各类别;许可案件以申请开始),可附立案审批表等全过程记录',
    OpenCaseInput.extend({ records: RecordsInput.optional() }),
    withRecords(openCase),
  );
  r.create(
    '/api/enforcement/cases/on-the-spot',
    '当场处罚(简易程序),可附决定书与音像记录',
    OnTheSpotInput.extend({ records: RecordsInput.optional() }),
    withRecords(decideOnTheSpot),
  );
  r.act(
    '/api/enforcement/cases/:id/actions',
    '办理环节(调查、告知、审核、决定、送达…)',
    RecordActionInput,
    (ctx, id, input) => recordAction(ctx, id, input, files),
  );
  app.post(
    '/api/enforcement/cases/:id/actions/:seq/records',
    {
      schema: {
        tags,
        summary: '补录全过程记录(文书、音像)',
        params: IdParam.extend({ seq: z.coerce.number().int().min(1).max(2147483647) }),
        body: z.strictObject({ records: RecordsInput.min(1, '请至少添加一份记录') }),
      },
    },
    async (req) => addRecords(await requestCtx(req, db), req.params.id, req.params.seq, req.body, files),
  );
  r.act(
    '/api/enforcement/publications/:id/withdraw',
    '撤回公示(决定变更、撤销后三个工作日内)',
    z.strictObject({
      version: Int32.min(1),
      date: LocalDate,
      note: Text(500, { lines: true }).min(2, '请填写撤回说明'),
    }),
    async (ctx, id, input) => {
      await withdrawPublication(ctx, id, input);
      return { withdrawn: 1 };
    },
  );
  r.list(
    '/api/enforcement/publications',
    '行政执法决定公示(可筛选临期、逾期、待撤回)',
    PublicationQuery,
    searchPublications,
  );
  app.get(
    '/api/enforcement/publications/export.xlsx',
    {
      schema: { tags, summary: '导出行政执法决定公示台账(与列表相同的筛选)', querystring: PublicationQuery },
    },
    async (req, reply) => {
      const { page: _page, pageSize: _size, ...filter } = req.query;
      const ctx = await requestCtx(req, db);
      return sendLedgerXlsx(reply, {
        filename: '行政执法决定公示台账.xlsx',
        sheetName: '行政执法决定公示',
        ...viewLedger(
          publicationLedgerColumns,
          allPages((p) => searchPublications(ctx, filter, p)),
        ),
      });
    },
  );
  r.act(
    '/api/enforcement/publications/:id/publish',
    '公示',
    z.strictObject({ version: Int32.min(1), date: LocalDate }),
    async (ctx, id, input) => ({ published: await publishPublications(ctx, [{ id, ...input }]) }),
  );
}
