import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import type { ViewColumn } from '../../../platform/io/index.js';
import { mapRows } from '../../../platform/paging.js';
import { ledgerExport } from '../../ledger-export.js';
import { presentReferral, type ReferralSummary } from './present.js';
import { type ReferralFilter, iterateReferrals } from './store.js';

/** Instants print as China wall-clock time: 2025-06-05 10:00. */
const chinaTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

const stateText = (s: string) => (s === 'overdue' ? '(逾期)' : s === 'dueSoon' ? '(临期)' : '');

const nextDueText = ({ nextDue: d }: ReferralSummary) =>
  d
    ? `${d.label} 至 ${chinaTime(d.dueAt)}${stateText(d.state)}${d.provisionalReason ? `(暂估:${d.provisionalReason})` : ''}`
    : null;

const penaltyText = (r: ReferralSummary) =>
  r.penaltyDecided ? (r.penaltyAmount ? `已处罚款 ${r.penaltyAmount} 元` : '已作出处罚决定') : null;

/** The 两法衔接台账 as exported to Excel. */
export const referralLedgerColumns: readonly ViewColumn<ReferralSummary>[] = [
  { header: '移送机关', kind: 'text', required: true, width: 28, value: (r) => r.orgName },
  { header: '行政执法案件编号', kind: 'text', required: true, width: 26, value: (r) => r.caseNo },
  { header: '当事人', kind: 'text', required: true, width: 24, value: (r) => r.partyName },
  { header: '涉嫌罪名', kind: 'text', required: true, width: 22, value: (r) => r.suspectedCrime },
  { header: '专案组报告日期', kind: 'date', required: true, width: 14, value: (r) => r.reportedOn },
  { header: '负责人批准时间', kind: 'text', width: 18, value: (r) => chinaTime(r.approvedAt) },
  { header: '移送时间', kind: 'text', width: 18, value: (r) => chinaTime(r.handedOverAt) },
  {
    header: '批准至移送(小时)',
    kind: 'text',
    width: 14,
    value: (r) => (r.handoverHours === null ? null : String(r.handoverHours)),
  },
  {
    header: '24小时内移送',
    kind: 'text',
    width: 12,
    value: (r) => (r.handoverLate === null ? null : r.handoverLate ? '否(逾期)' : '是'),
  },
  { header: '接受移送的公安机关', kind: 'text', width: 22, value: (r) => r.policeOrg },
  { header: '办理状态', kind: 'text', required: true, width: 16, value: (r) => r.statusLabel },
  { header: '公安立案日期', kind: 'date', width: 14, value: (r) => r.filedOn },
  { header: '不予立案通知日期', kind: 'date', width: 14, value: (r) => r.declinedOn },
  { header: '移送前行政处罚', kind: 'text', width: 22, value: penaltyText },
  { header: '待办期限', kind: 'text', width: 40, value: nextDueText },
  { header: '结案日期', kind: 'date', width: 14, value: (r) => r.closedOn },
];

/** Streams the referral ledger (same filters as the list) to .xlsx; the stream is ended. */
export const exportReferralLedger = ledgerExport({
  permission: 'enforcement:referral:list',
  sheetName: '两法衔接台账',
  columns: referralLedgerColumns,
  records: async (ctx, filter: ReferralFilter) => {
    const now = ctx.now();
    const calendar = await loadWorkCalendar(ctx.db);
    return mapRows(iterateReferrals(ctx.db, ctx.scope, filter, now), (row) =>
      presentReferral(row, now, calendar),
    );
  },
});
