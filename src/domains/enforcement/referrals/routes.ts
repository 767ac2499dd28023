import { z } from 'zod';
import { IdParam, LocalDate, Paging, SortParam, Text, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { streamDownload } from '../../../platform/http/xlsx-reply.js';
import { exportReferralLedger } from './export.js';
import { CreateReferralInput, RecordReferralActionInput, ReferralStatus } from './schema.js';
import { createReferral, getReferral, recordReferralAction, searchReferrals } from './service.js';

const ReferralFilterQuery = z.object({
  q: Text(50).optional(),
  status: ReferralStatus.optional(),
  orgId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  reportedFrom: LocalDate.optional(),
  reportedTo: LocalDate.optional(),
});
export const ReferralQuery = Paging.extend(ReferralFilterQuery.shape).extend({ sort: SortParam });

/** 两法衔接 (涉嫌犯罪案件移送), under /api/enforcement/referrals. */
export function registerReferralRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法'];
  app.get(
    '/api/enforcement/referrals',
    {
      schema: {
        tags,
        summary: '两法衔接台账(可筛选状态、单位、临期、逾期、报告日期)',
        querystring: ReferralQuery,
      },
    },
    async (req) => {
      const { page, pageSize, exactTotal, ...filter } = req.query;
      return searchReferrals(await requestCtx(req, db), filter, toOffset({ page, pageSize, exactTotal }));
    },
  );
  app.get(
    '/api/enforcement/referrals/export.xlsx',
    { schema: { tags, summary: '导出两法衔接台账', querystring: ReferralFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return streamDownload(reply, '两法衔接台账.xlsx', (out) => exportReferralLedger(ctx, req.query, out));
    },
  );
  app.get(
    '/api/enforcement/referrals/:id',
    { schema: { tags, summary: '移送详情(流程记录、期限、可办理环节)', params: IdParam } },
    async (req) => getReferral(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/enforcement/referrals',
    { schema: { tags, summary: '提出移送(专案组书面报告)', body: CreateReferralInput } },
    async (req, reply) => reply.status(201).send(await createReferral(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/enforcement/referrals/:id/actions',
    {
      schema: {
        tags,
        summary: '办理环节(审批、移送、公安受理/立案/不予立案、复议、移交物品、结案)',
        params: IdParam,
        body: RecordReferralActionInput,
      },
    },
    async (req) => recordReferralAction(await requestCtx(req, db), req.params.id, req.body),
  );
}
