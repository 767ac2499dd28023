import { z } from 'zod';
import { IdParam, LocalDate, Paging, SortParam, Text } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
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
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  registerReconPortalRoutes(app, opts);

  r.list(
    '/api/disputes/reconsiderations',
    '行政复议台账',
    Paging.extend(ReconFilterQuery.shape).extend({ sort: SortParam }),
    searchReconsiderations,
  );
  r.download(
    '/api/disputes/reconsiderations/export.xlsx',
    '导出行政复议台账',
    ReconFilterQuery,
    '行政复议台账.xlsx',
    exportReconLedger,
  );
  r.get('/api/disputes/reconsiderations/:id', '行政复议案件(流程记录、期限、可办理环节)', getReconsideration);
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
  r.create(
    '/api/disputes/reconsiderations',
    '登记收到的行政复议申请',
    CreateReconInput,
    createReconsideration,
  );
  r.act(
    '/api/disputes/reconsiderations/:id/actions',
    '办理环节(补正、受理、送达副本、听证、中止、延期、决定、送达、公开、意见书)',
    RecordReconActionInput,
    recordReconAction,
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

  r.list(
    '/api/disputes/lawsuits',
    '行政应诉台账',
    Paging.extend(LawsuitFilterQuery.shape).extend({ sort: SortParam }),
    searchLawsuits,
  );
  r.download(
    '/api/disputes/lawsuits/export.xlsx',
    '导出行政应诉台账',
    LawsuitFilterQuery,
    '行政应诉台账.xlsx',
    exportLawsuitLedger,
  );
  r.get('/api/disputes/lawsuits/:id', '行政应诉案件(庭审、出庭、结果)', getLawsuit);
  r.create('/api/disputes/lawsuits', '登记行政应诉案件', CreateLawsuitInput, createLawsuit);
  r.act('/api/disputes/lawsuits/:id/hearings', '登记庭审和出庭人员', AddHearingInput, addHearing);
  r.act('/api/disputes/lawsuits/:id/conclude', '登记裁判结果', ConcludeInput, concludeLawsuit);
  r.addTo('/api/disputes/lawsuits/:id/appeal', '登记上诉(生成二审案件)', AppealInput, appealLawsuit);
  r.list(
    '/api/disputes/hearings',
    '出庭应诉登记簿',
    Paging.extend({ from: LocalDate.optional(), to: LocalDate.optional(), orgId: z.uuid().optional() }),
    searchHearings,
  );

  r.list(
    '/api/disputes/suggestions',
    '检察建议、司法建议台账',
    Paging.extend(SuggestionFilterQuery.shape).extend({ sort: SortParam }),
    searchSuggestions,
  );
  r.download(
    '/api/disputes/suggestions/export.xlsx',
    '导出检察建议、司法建议台账',
    SuggestionFilterQuery,
    '检察建议司法建议台账.xlsx',
    exportSuggestionLedger,
  );
  r.get('/api/disputes/suggestions/:id', '建议详情', getSuggestion);
  r.create(
    '/api/disputes/suggestions',
    '登记收到的检察建议、司法建议',
    CreateSuggestionInput,
    createSuggestion,
  );
  r.act('/api/disputes/suggestions/:id/reply', '登记书面答复和整改情况', ReplyInput, replySuggestion);
}
