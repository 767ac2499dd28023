import { loadWorkCalendar } from '../../platform/calendar/index.js';
import type { Writable } from 'node:stream';
import { chinaDate, type Ctx } from '../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../platform/io/index.js';
import { authorize } from '../org/policy.js';
import { presentLawsuit } from './litigation/service.js';
import { iterateLawsuits, type LawsuitFilter } from './litigation/store.js';
import { presentRecon } from './reconsideration/present.js';
import { iterateRecons, type ReconFilter } from './reconsideration/store.js';
import { suggestionKindLabels, type SuggestionKind } from './suggestions/schema.js';
import { iterateSuggestions, type SuggestionFilter } from './suggestions/store.js';

interface ReconLedgerRow {
  caseNo: string;
  receivedOn: string;
  channel: string;
  applicantName: string;
  orgName: string;
  actTitle: string;
  status: string;
  procedure: string | null;
  acceptedOn: string | null;
  decidedOn: string | null;
  outcome: string | null;
  decisionDueOn: string | null;
  daysToDecide: string | null;
  nextDue: string | null;
}

const reconColumns = defineColumns<ReconLedgerRow>([
  { key: 'caseNo', header: '案号', kind: 'text', required: true, width: 18 },
  { key: 'receivedOn', header: '收到申请日期', kind: 'date', required: true, width: 14 },
  { key: 'channel', header: '申请方式', kind: 'text', required: true, width: 12 },
  { key: 'applicantName', header: '申请人', kind: 'text', required: true, width: 24 },
  { key: 'orgName', header: '被申请人', kind: 'text', required: true, width: 26 },
  { key: 'actTitle', header: '被申请复议的行政行为', kind: 'text', required: true, width: 28 },
  { key: 'status', header: '办理状态', kind: 'text', required: true, width: 12 },
  { key: 'procedure', header: '审理程序', kind: 'text', width: 12 },
  { key: 'acceptedOn', header: '受理日期', kind: 'date', width: 14 },
  { key: 'decidedOn', header: '决定日期', kind: 'date', width: 14 },
  { key: 'outcome', header: '决定类型', kind: 'text', width: 16 },
  { key: 'decisionDueOn', header: '审理期限', kind: 'date', width: 14 },
  { key: 'daysToDecide', header: '审理天数', kind: 'text', width: 10 },
  { key: 'nextDue', header: '待办期限', kind: 'text', width: 48 },
]);

const stateText = (s: string) => (s === 'overdue' ? '(逾期)' : s === 'dueSoon' ? '(临期)' : '');

/** Streams the 行政复议 ledger (same filters as the list) to .xlsx. */
export async function exportReconLedger(
  ctx: Ctx,
  filter: ReconFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'disputes:reconsideration:list');
  const today = chinaDate(ctx.now());
  const calendar = await loadWorkCalendar(ctx.db);
  async function* rows(): AsyncIterable<ReconLedgerRow> {
    for await (const row of iterateRecons(ctx.db, ctx.scope, filter, today)) {
      const r = presentRecon(row, today, calendar);
      yield {
        caseNo: r.caseNo,
        receivedOn: r.receivedOn,
        channel: r.channelLabel,
        applicantName: r.applicantName,
        orgName: r.orgName,
        actTitle: r.actTitle,
        status: r.suspended ? '中止' : r.statusLabel,
        procedure: r.procedureLabel,
        acceptedOn: r.acceptedOn,
        decidedOn: r.decidedOn,
        outcome: r.outcomeLabel ?? r.terminationGroundLabel,
        decisionDueOn: r.decisionDueOn,
        daysToDecide: r.daysToDecide === null ? null : String(r.daysToDecide),
        nextDue: r.nextDue
          ? `${r.nextDue.label} 至 ${r.nextDue.dueOn}${stateText(r.nextDue.state)}${r.nextDue.provisionalReason ? `(暂估:${r.nextDue.provisionalReason})` : ''}`
          : null,
      };
    }
  }
  return exportLedgerXlsx(rows(), reconColumns, out, { sheetName: '行政复议台账' });
}

interface SuggestionLedgerRow {
  documentNo: string;
  kind: string;
  issuer: string;
  orgName: string;
  receivedOn: string;
  dueOn: string;
  repliedOn: string | null;
  state: string;
}
const suggestionColumns = defineColumns<SuggestionLedgerRow>([
  { key: 'documentNo', header: '文书编号', kind: 'text', required: true, width: 24 },
  { key: 'kind', header: '类别', kind: 'text', required: true, width: 26 },
  { key: 'issuer', header: '制发机关', kind: 'text', required: true, width: 22 },
  { key: 'orgName', header: '答复单位', kind: 'text', required: true, width: 26 },
  { key: 'receivedOn', header: '收到日期', kind: 'date', required: true, width: 14 },
  { key: 'dueOn', header: '答复期限', kind: 'date', required: true, width: 14 },
  { key: 'repliedOn', header: '答复日期', kind: 'date', width: 14 },
  { key: 'state', header: '状态', kind: 'text', required: true, width: 12 },
]);

/** Streams the 检察建议 / 司法建议 ledger to .xlsx. */
export async function exportSuggestionLedger(
  ctx: Ctx,
  filter: SuggestionFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'disputes:suggestion:list');
  const today = chinaDate(ctx.now());
  async function* rows(): AsyncIterable<SuggestionLedgerRow> {
    for await (const s of iterateSuggestions(ctx.db, ctx.scope, filter, today)) {
      const answered = s.status === 'answered';
      yield {
        documentNo: s.document_no,
        kind: suggestionKindLabels[s.kind as SuggestionKind],
        issuer: s.issuer,
        orgName: s.org_name,
        receivedOn: s.received_on,
        dueOn: s.due_on,
        repliedOn: s.replied_on,
        state: answered
          ? s.replied_on && s.replied_on <= s.due_on
            ? '按期答复'
            : '逾期答复'
          : s.due_on < today
            ? '逾期未答复'
            : '待答复',
      };
    }
  }
  return exportLedgerXlsx(rows(), suggestionColumns, out, { sheetName: '检察建议司法建议台账' });
}

interface LawsuitLedgerRow {
  courtCaseNo: string;
  instance: string;
  court: string;
  plaintiff: string;
  orgName: string;
  coDefendant: string | null;
  contestedAct: string;
  filedOn: string;
  hearings: string;
  headHearings: string;
  status: string;
  outcome: string | null;
  concludedOn: string | null;
  lost: string;
}
const lawsuitColumns = defineColumns<LawsuitLedgerRow>([
  { key: 'courtCaseNo', header: '案号', kind: 'text', required: true, width: 26 },
  { key: 'instance', header: '审级', kind: 'text', required: true, width: 8 },
  { key: 'court', header: '法院', kind: 'text', required: true, width: 22 },
  { key: 'plaintiff', header: '原告', kind: 'text', required: true, width: 22 },
  { key: 'orgName', header: '被告', kind: 'text', required: true, width: 24 },
  { key: 'coDefendant', header: '共同被告', kind: 'text', width: 20 },
  { key: 'contestedAct', header: '被诉行政行为', kind: 'text', required: true, width: 28 },
  { key: 'filedOn', header: '立案日期', kind: 'date', required: true, width: 14 },
  { key: 'hearings', header: '开庭次数', kind: 'text', required: true, width: 10 },
  { key: 'headHearings', header: '负责人出庭次数', kind: 'text', required: true, width: 14 },
  { key: 'status', header: '状态', kind: 'text', required: true, width: 10 },
  { key: 'outcome', header: '结果', kind: 'text', width: 18 },
  { key: 'concludedOn', header: '结案日期', kind: 'date', width: 14 },
  { key: 'lost', header: '是否败诉', kind: 'text', required: true, width: 10 },
]);

/** Streams the 行政应诉 ledger (one row per instance) to .xlsx. */
export async function exportLawsuitLedger(
  ctx: Ctx,
  filter: LawsuitFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'disputes:litigation:list');
  async function* rows(): AsyncIterable<LawsuitLedgerRow> {
    for await (const row of iterateLawsuits(ctx.db, ctx.scope, filter)) {
      const s = presentLawsuit(row);
      yield {
        courtCaseNo: s.courtCaseNo,
        instance: s.instanceLabel,
        court: s.court,
        plaintiff: s.plaintiff,
        orgName: s.orgName,
        coDefendant: s.coDefendantName,
        contestedAct: s.contestedAct,
        filedOn: s.filedOn,
        hearings: String(s.hearings),
        headHearings: String(s.headHearings),
        status: s.statusLabel,
        outcome: s.outcomeLabel,
        concludedOn: s.concludedOn,
        lost: s.lost ? '是' : '否',
      };
    }
  }
  return exportLedgerXlsx(rows(), lawsuitColumns, out, { sheetName: '行政应诉台账' });
}
