import { z } from 'zod';
import { IdParam, LocalDate, Paging, SortParam, Text, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { streamDownload } from '../../platform/http/xlsx-reply.js';
import { annualDisclosureTable } from './api.js';
import { exportLawsuitLedger, exportReconLedger, exportSuggestionLedger } from './export.js';
import { registerReconPortalRoutes } from './portal-routes.js';
import { RECON_DOCUMENT_KINDS, reconDocument } from './reconsideration/documents.js';
import {
  AddHearingInput,
  AppealInput,
  ConcludeInput,
  CreateLawsuitInput,
  Instance,
  LawsuitOutcome,
} from './litigation/schema.js';
import {
  addHearing,
  appealLawsuit,
  concludeLawsuit,
  createLawsuit,
  getLawsuit,
  searchHearings,
  searchLawsuits,
} from './litigation/service.js';
import {
  Channel,
  CreateReconInput,
  Outcome,
  Procedure,
  ReconStatus,
  RecordReconActionInput,
} from './reconsideration/schema.js';
import {
  createReconsideration,
  getReconsideration,
  recordReconAction,
  searchReconsiderations,
} from './reconsideration/service.js';
import { CreateSuggestionInput, ReplyInput, SuggestionKind } from './suggestions/schema.js';
import {
  createSuggestion,
  getSuggestion,
  replySuggestion,
  searchSuggestions,
} from './suggestions/service.js';
const Due = z.enum(['dueSoon', 'overdue']).optional();

const ReconFilterQuery = z.object({
  q: Text(50).optional(),
  status: ReconStatus.optional(),
  orgId: z.uuid().optional(),
  channel: Channel.optional(),
  outcome: Outcome.optional(),
  procedure: Procedure.optional(),
  due: Due,
  receivedFrom: LocalDate.optional(),
  receivedTo: LocalDate.optional(),
});
const LawsuitFilterQuery = z.object({
  q: Text(50).optional(),
  status: z.enum(['pending', 'concluded', 'appealed']).optional(),
  instance: Instance.optional(),
  outcome: LawsuitOutcome.optional(),
  orgId: z.uuid().optional(),
  filedFrom: LocalDate.optional(),
  filedTo: LocalDate.optional(),
});
const SuggestionFilterQuery = z.object({
  q: Text(50).optional(),
  kind: SuggestionKind.optional(),
  status: z.enum(['pending', 'answered']).optional(),
  orgId: z.uuid().optional(),
  due: Due,
  receivedFrom: LocalDate.optional(),
  receivedTo: LocalDate.optional(),
});

/** 行政复议 · 行政应诉 · 检察建议/司法建议, under /api/disputes. */
export function registerDisputesRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['复议应诉'];
  registerReconPortalRoutes(app, opts);

  app.get(
    '/api/disputes/reconsiderations',
    {
      schema: {
        tags,
        summary: '行政复议台账',
        querystring: Paging.extend(ReconFilterQuery.shape).extend({ sort: SortParam }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchReconsiderations(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/disputes/reconsiderations/export.xlsx',
    { schema: { tags, summary: '导出行政复议台账', querystring: ReconFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '行政复议台账.xlsx', (out) => exportReconLedger(ctx, req.query, out));
    },
  );
  app.get(
    '/api/disputes/reconsiderations/:id',
    { schema: { tags, summary: '行政复议案件(流程记录、期限、可办理环节)', params: IdParam } },
    async (req) => getReconsideration(await requestCtx(req, db), req.params.id),
  );
  app.get(
    '/api/disputes/reconsiderations/:id/documents/:file',
    {
      schema: {
        tags,
        summary: '生成复议文书(补正通知书、受理通知书、答复通知书、行政复议决定书,.docx)',
        params: IdParam.extend({
          file: z.string().regex(new RegExp(`^(${RECON_DOCUMENT_KINDS.join('|')})\\.docx$`), '没有这种文书'),
        }),
      },
    },
    async (req, reply) => {
      const kind = req.params.file.replace(/\.docx$/, '') as (typeof RECON_DOCUMENT_KINDS)[number];
      const doc = await reconDocument(await requestCtx(req, db), req.params.id, kind);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      return reply.send(doc.bytes);
    },
  );
  app.post(
    '/api/disputes/reconsiderations',
    { schema: { tags, summary: '登记收到的行政复议申请', body: CreateReconInput } },
    async (req, reply) =>
      reply.status(201).send(await createReconsideration(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/disputes/reconsiderations/:id/actions',
    {
      schema: {
        tags,
        summary: '办理环节(补正、受理、送达副本、听证、中止、延期、决定、送达、公开、意见书)',
        params: IdParam,
        body: RecordReconActionInput,
      },
    },
    async (req) => recordReconAction(await requestCtx(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/disputes/disclosure-table',
    {
      schema: {
        tags,
        summary: '政府信息公开年度报告“行政复议、行政诉讼情况”表(国办公开办函〔2021〕30号)',
        querystring: z.object({
          orgId: z.uuid(),
          year: z.coerce.number().int().min(2008).max(2100),
          acts: z.enum(['infoDisclosure', 'all']).optional(),
        }),
      },
    },
    async (req) => annualDisclosureTable(await requestCtx(req, db), req.query),
  );

  app.get(
    '/api/disputes/lawsuits',
    {
      schema: {
        tags,
        summary: '行政应诉台账',
        querystring: Paging.extend(LawsuitFilterQuery.shape).extend({ sort: SortParam }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchLawsuits(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/disputes/lawsuits/export.xlsx',
    { schema: { tags, summary: '导出行政应诉台账', querystring: LawsuitFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '行政应诉台账.xlsx', (out) => exportLawsuitLedger(ctx, req.query, out));
    },
  );
  app.get(
    '/api/disputes/lawsuits/:id',
    { schema: { tags, summary: '行政应诉案件(庭审、出庭、结果)', params: IdParam } },
    async (req) => getLawsuit(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/disputes/lawsuits',
    { schema: { tags, summary: '登记行政应诉案件', body: CreateLawsuitInput } },
    async (req, reply) => reply.status(201).send(await createLawsuit(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/disputes/lawsuits/:id/hearings',
    { schema: { tags, summary: '登记庭审和出庭人员', params: IdParam, body: AddHearingInput } },
    async (req) => addHearing(await requestCtx(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/disputes/lawsuits/:id/conclude',
    { schema: { tags, summary: '登记裁判结果', params: IdParam, body: ConcludeInput } },
    async (req) => concludeLawsuit(await requestCtx(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/disputes/lawsuits/:id/appeal',
    { schema: { tags, summary: '登记上诉(生成二审案件)', params: IdParam, body: AppealInput } },
    async (req, reply) =>
      reply.status(201).send(await appealLawsuit(await requestCtx(req, db), req.params.id, req.body)),
  );
  app.get(
    '/api/disputes/hearings',
    {
      schema: {
        tags,
        summary: '出庭应诉登记簿',
        querystring: Paging.extend({
          from: LocalDate.optional(),
          to: LocalDate.optional(),
          orgId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchHearings(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );

  app.get(
    '/api/disputes/suggestions',
    {
      schema: {
        tags,
        summary: '检察建议、司法建议台账',
        querystring: Paging.extend(SuggestionFilterQuery.shape).extend({ sort: SortParam }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return searchSuggestions(await requestCtx(req, db), filter, toOffset({ page, pageSize }));
    },
  );
  app.get(
    '/api/disputes/suggestions/export.xlsx',
    { schema: { tags, summary: '导出检察建议、司法建议台账', querystring: SuggestionFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '检察建议司法建议台账.xlsx', (out) =>
        exportSuggestionLedger(ctx, req.query, out),
      );
    },
  );
  app.get(
    '/api/disputes/suggestions/:id',
    { schema: { tags, summary: '建议详情', params: IdParam } },
    async (req) => getSuggestion(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/disputes/suggestions',
    { schema: { tags, summary: '登记收到的检察建议、司法建议', body: CreateSuggestionInput } },
    async (req, reply) => reply.status(201).send(await createSuggestion(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/disputes/suggestions/:id/reply',
    { schema: { tags, summary: '登记书面答复和整改情况', params: IdParam, body: ReplyInput } },
    async (req) => replySuggestion(await requestCtx(req, db), req.params.id, req.body),
  );
}
