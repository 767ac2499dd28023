import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../../platform/io/index.js';
import { authorize } from '../../org/policy.js';
import { presentReferral } from './present.js';
import { type ReferralFilter, iterateReferrals } from './store.js';

/** One row of the 两法衔接台账 as exchanged with Excel. */
export interface ReferralLedgerRow {
  orgName: string;
  caseNo: string;
  partyName: string;
  suspectedCrime: string;
  reportedOn: string;
  approvedAt: string | null;
  handedOverAt: string | null;
  handoverHours: string | null;
  handoverOnTime: string | null;
  policeOrg: string | null;
  status: string;
  filedOn: string | null;
  declinedOn: string | null;
  penalty: string | null;
  nextDue: string | null;
  closedOn: string | null;
}

/** Instants print as China wall-clock time: 2025-06-05 10:00. */
const chinaTime = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

export const referralLedgerColumns = defineColumns<ReferralLedgerRow>([
  { key: 'orgName', header: '移送机关', kind: 'text', required: true, width: 28 },
  { key: 'caseNo', header: '行政执法案件编号', kind: 'text', required: true, width: 26 },
  { key: 'partyName', header: '当事人', kind: 'text', required: true, width: 24 },
  { key: 'suspectedCrime', header: '涉嫌罪名', kind: 'text', required: true, width: 22 },
  { key: 'reportedOn', header: '专案组报告日期', kind: 'date', required: true, width: 14 },
  { key: 'approvedAt', header: '负责人批准时间', kind: 'text', width: 18 },
  { key: 'handedOverAt', header: '移送时间', kind: 'text', width: 18 },
  { key: 'handoverHours', header: '批准至移送(小时)', kind: 'text', width: 14 },
  { key: 'handoverOnTime', header: '24小时内移送', kind: 'text', width: 12 },
  { key: 'policeOrg', header: '接受移送的公安机关', kind: 'text', width: 22 },
  { key: 'status', header: '办理状态', kind: 'text', required: true, width: 16 },
  { key: 'filedOn', header: '公安立案日期', kind: 'date', width: 14 },
  { key: 'declinedOn', header: '不予立案通知日期', kind: 'date', width: 14 },
  { key: 'penalty', header: '移送前行政处罚', kind: 'text', width: 22 },
  { key: 'nextDue', header: '待办期限', kind: 'text', width: 40 },
  { key: 'closedOn', header: '结案日期', kind: 'date', width: 14 },
]);

/** Streams the referral ledger (same filters as the list) to .xlsx; the stream is ended. */
export async function exportReferralLedger(
  ctx: Ctx,
  filter: ReferralFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'enforcement:referral:list');
  const now = ctx.now();
  const calendar = await loadWorkCalendar(ctx.db);
  async function* rows(): AsyncIterable<ReferralLedgerRow> {
    for await (const row of iterateReferrals(ctx.db, ctx.scope, filter, now)) {
      const r = presentReferral(row, now, calendar);
      const due = r.nextDue;
      yield {
        orgName: r.orgName,
        caseNo: r.caseNo,
        partyName: r.partyName,
        suspectedCrime: r.suspectedCrime,
        reportedOn: r.reportedOn,
        approvedAt: chinaTime(r.approvedAt),
        handedOverAt: chinaTime(r.handedOverAt),
        handoverHours: r.handoverHours === null ? null : String(r.handoverHours),
        handoverOnTime: r.handoverLate === null ? null : r.handoverLate ? '否(逾期)' : '是',
        policeOrg: r.policeOrg,
        status: r.statusLabel,
        filedOn: r.filedOn,
        declinedOn: r.declinedOn,
        penalty: r.penaltyDecided
          ? r.penaltyAmount
            ? `已处罚款 ${r.penaltyAmount} 元`
            : '已作出处罚决定'
          : null,
        nextDue: due
          ? `${due.label} 至 ${chinaTime(due.dueAt)}${due.state === 'overdue' ? '(逾期)' : due.state === 'dueSoon' ? '(临期)' : ''}${due.provisionalReason ? `(暂估:${due.provisionalReason})` : ''}`
          : null,
        closedOn: r.closedOn,
      };
    }
  }
  return exportLedgerXlsx(rows(), referralLedgerColumns, out, { sheetName: '两法衔接台账' });
}
