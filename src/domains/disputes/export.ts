import { loadWorkCalendar } from '../../platform/calendar/index.js';
import { chinaDate } from '../../platform/context.js';
import { mapRows } from '../../platform/paging.js';
import type { ViewColumn } from '../../platform/io/index.js';
import { ledgerExport } from '../ledger-export.js';
import { type LawsuitSummary, presentLawsuit } from './litigation/service.js';
import { iterateLawsuits, type LawsuitFilter } from './litigation/store.js';
import { presentRecon, type ReconSummary } from './reconsideration/present.js';
import { iterateRecons, type ReconFilter } from './reconsideration/store.js';
import type { SuggestionKind } from './suggestions/schema.js';
import { suggestionKindLabels } from './suggestions/labels.js';
import { iterateSuggestions, type SuggestionFilter, type SuggestionRow } from './suggestions/store.js';

const stateText = (s: string) => (s === 'overdue' ? '(逾期)' : s === 'dueSoon' ? '(临期)' : '');

const nextDueText = ({ nextDue: d }: ReconSummary) =>
  d
    ? `${d.label} 至 ${d.dueOn}${stateText(d.state)}${d.provisionalReason ? `(暂估:${d.provisionalReason})` : ''}`
    : null;

const reconColumns: readonly ViewColumn<ReconSummary>[] = [
  { header: '案号', kind: 'text', required: true, width: 18, value: (r) => r.caseNo },
  { header: '收到申请日期', kind: 'date', required: true, width: 14, value: (r) => r.receivedOn },
  { header: '申请方式', kind: 'text', required: true, width: 12, value: (r) => r.channelLabel },
  { header: '申请人', kind: 'text', required: true, width: 24, value: (r) => r.applicantName },
  { header: '被申请人', kind: 'text', required: true, width: 26, value: (r) => r.orgName },
  { header: '被申请复议的行政行为', kind: 'text', required: true, width: 28, value: (r) => r.actTitle },
  {
    header: '办理状态',
    kind: 'text',
    required: true,
    width: 12,
    value: (r) => (r.suspended ? '中止' : r.statusLabel),
  },
  { header: '审理程序', kind: 'text', width: 12, value: (r) => r.procedureLabel },
  { header: '受理日期', kind: 'date', width: 14, value: (r) => r.acceptedOn },
  { header: '决定日期', kind: 'date', width: 14, value: (r) => r.decidedOn },
  { header: '决定类型', kind: 'text', width: 16, value: (r) => r.outcomeLabel ?? r.terminationGroundLabel },
  { header: '审理期限', kind: 'date', width: 14, value: (r) => r.decisionDueOn },
  {
    header: '审理天数',
    kind: 'text',
    width: 10,
    value: (r) => (r.daysToDecide === null ? null : String(r.daysToDecide)),
  },
  { header: '待办期限', kind: 'text', width: 48, value: nextDueText },
];

/** Streams the 行政复议 ledger (same filters as the list) to .xlsx. */
export const exportReconLedger = ledgerExport({
  permission: 'disputes:reconsideration:list',
  sheetName: '行政复议台账',
  columns: reconColumns,
  records: async (ctx, filter: ReconFilter) => {
    const today = chinaDate(ctx.now());
    const calendar = await loadWorkCalendar(ctx.db);
    return mapRows(iterateRecons(ctx.db, ctx.scope, filter, today), (row) =>
      presentRecon(row, today, calendar),
    );
  },
});

const suggestionState = (s: SuggestionRow, today: string) =>
  s.status === 'answered'
    ? s.replied_on && s.replied_on <= s.due_on
      ? '按期答复'
      : '逾期答复'
    : s.due_on < today
      ? '逾期未答复'
      : '待答复';

const suggestionColumns = (today: string): readonly ViewColumn<SuggestionRow>[] => [
  { header: '文书编号', kind: 'text', required: true, width: 24, value: (s) => s.document_no },
  {
    header: '类别',
    kind: 'text',
    required: true,
    width: 26,
    value: (s) => suggestionKindLabels[s.kind as SuggestionKind],
  },
  { header: '制发机关', kind: 'text', required: true, width: 22, value: (s) => s.issuer },
  { header: '答复单位', kind: 'text', required: true, width: 26, value: (s) => s.org_name },
  { header: '收到日期', kind: 'date', required: true, width: 14, value: (s) => s.received_on },
  { header: '答复期限', kind: 'date', required: true, width: 14, value: (s) => s.due_on },
  { header: '答复日期', kind: 'date', width: 14, value: (s) => s.replied_on },
  { header: '状态', kind: 'text', required: true, width: 12, value: (s) => suggestionState(s, today) },
];

/** Streams the 检察建议 / 司法建议 ledger to .xlsx. */
export const exportSuggestionLedger = ledgerExport({
  permission: 'disputes:suggestion:list',
  sheetName: '检察建议司法建议台账',
  columns: (ctx) => suggestionColumns(chinaDate(ctx.now())),
  records: (ctx, filter: SuggestionFilter) =>
    iterateSuggestions(ctx.db, ctx.scope, filter, chinaDate(ctx.now())),
});

const lawsuitColumns: readonly ViewColumn<LawsuitSummary>[] = [
  { header: '案号', kind: 'text', required: true, width: 26, value: (s) => s.courtCaseNo },
  { header: '审级', kind: 'text', required: true, width: 8, value: (s) => s.instanceLabel },
  { header: '法院', kind: 'text', required: true, width: 22, value: (s) => s.court },
  { header: '原告', kind: 'text', required: true, width: 22, value: (s) => s.plaintiff },
  { header: '被告', kind: 'text', required: true, width: 24, value: (s) => s.orgName },
  { header: '共同被告', kind: 'text', width: 20, value: (s) => s.coDefendantName },
  { header: '被诉行政行为', kind: 'text', required: true, width: 28, value: (s) => s.contestedAct },
  { header: '立案日期', kind: 'date', required: true, width: 14, value: (s) => s.filedOn },
  { header: '开庭次数', kind: 'text', required: true, width: 10, value: (s) => String(s.hearings) },
  {
    header: '负责人出庭次数',
    kind: 'text',
    required: true,
    width: 14,
    value: (s) => String(s.headHearings),
  },
  { header: '状态', kind: 'text', required: true, width: 10, value: (s) => s.statusLabel },
  { header: '结果', kind: 'text', width: 18, value: (s) => s.outcomeLabel },
  { header: '结案日期', kind: 'date', width: 14, value: (s) => s.concludedOn },
  { header: '是否败诉', kind: 'text', required: true, width: 10, value: (s) => (s.lost ? '是' : '否') },
];

/** Streams the 行政应诉 ledger (one row per instance) to .xlsx. */
export const exportLawsuitLedger = ledgerExport({
  permission: 'disputes:litigation:list',
  sheetName: '行政应诉台账',
  columns: lawsuitColumns,
  records: (ctx, filter: LawsuitFilter) =>
    mapRows(iterateLawsuits(ctx.db, ctx.scope, filter), presentLawsuit),
});
