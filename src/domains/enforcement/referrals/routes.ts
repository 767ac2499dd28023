import { z } from 'zod';
import { LocalDate, Paging, SortParam, Text } from '../../../platform/validation.js';
import { enforcementLedgerRoutes } from '../ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
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
  const r = enforcementLedgerRoutes(app, opts);
  r.list(
    '/api/enforcement/referrals',
    '两法衔接台账(可筛选状态、单位、临期、逾期、报告日期)',
    ReferralQuery,
    searchReferrals,
  );
  r.download(
    '/api/enforcement/referrals/export.xlsx',
    '导出两法衔接台账',
    ReferralFilterQuery,
    '两法衔接台账.xlsx',
    exportReferralLedger,
  );
  r.get('/api/enforcement/referrals/:id', '移送详情(流程记录、期限、可办理环节)', getReferral);
  r.create('/api/enforcement/referrals', '提出移送(专案组书面报告)', CreateReferralInput, createReferral);
  r.act(
    '/api/enforcement/referrals/:id/actions',
    '办理环节(审批、移送、公安受理/立案/不予立案、复议、移交物品、结案)',
    RecordReferralActionInput,
    recordReferralAction,
  );
}
