import { type LocalDate, loadWorkCalendar } from '../../../platform/calendar/index.js';
import { dueState } from '../../../platform/clock/index.js';
import { ALL_SCOPE, type Ctx, today } from '../../../platform/context.js';
import { atVersion, insertOwned, newId, writeTx, writeVersioned } from '../../../platform/db/tx.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { checkNotAfterToday, checkNotBefore } from '../../../platform/service/dates.js';
import { parseInput, parseSort } from '../../../platform/validation.js';
import { getOrg } from '../../org/org-service.js';
import { authorize } from '../../org/policy.js';
import { WARN_DAYS } from '../clock.js';
import { replyDue, repliedOnTime } from './rules.js';
import { CreateSuggestionInput, ReplyInput, type SuggestionKind, suggestionFieldLabels } from './schema.js';
import { suggestionKindLabels } from './labels.js';
import {
  findSuggestionRow,
  listSuggestions,
  type SuggestionFilter,
  type SuggestionRow,
  suggestionSortColumns,
} from './store.js';

const notFoundSuggestion = () => notFound('disputes.suggestion.notFound', '建议不存在或不在您的权限范围内');

export interface SuggestionView {
  id: string;
  kind: SuggestionKind;
  kindLabel: string;
  orgId: string;
  orgName: string;
  issuer: string;
  documentNo: string;
  issuedOn: string;
  receivedOn: string;
  urgent: boolean;
  summary: string;
  dueOn: string;
  repliedOn: string | null;
  reply: string | null;
  rectification: string | null;
  status: 'pending' | 'answered';
  statusLabel: string;
  /** 正常 / 临期 / 逾期 while pending; 按期 / 逾期 once answered */
  dueState: 'normal' | 'dueSoon' | 'overdue' | 'onTime' | 'late';
  version: number;
}

function present(r: SuggestionRow, t: LocalDate): SuggestionView {
  const answered = r.status === 'answered';
  return {
    id: r.id,
    kind: r.kind as SuggestionKind,
    kindLabel: suggestionKindLabels[r.kind as SuggestionKind],
    orgId: r.org_id,
    orgName: r.org_name,
    issuer: r.issuer,
    documentNo: r.document_no,
    issuedOn: r.issued_on,
    receivedOn: r.received_on,
    urgent: r.urgent,
    summary: r.summary,
    dueOn: r.due_on,
    repliedOn: r.replied_on,
    reply: r.reply,
    rectification: r.rectification,
    status: answered ? 'answered' : 'pending',
    statusLabel: answered ? '已答复' : '待答复',
    dueState: answered
      ? r.replied_on && repliedOnTime(r.replied_on, r.due_on)
        ? 'onTime'
        : 'late'
      : dueState(r.due_on, t, WARN_DAYS),
    version: r.version,
  };
}

/** 登记收到的检察建议 / 司法建议; the reply due date follows from the receipt date. */
export async function createSuggestion(ctx: Ctx, raw: unknown): Promise<SuggestionView> {
  authorize(ctx.actor, 'disputes:suggestion:edit');
  const input = parseInput(CreateSuggestionInput, raw, { labels: suggestionFieldLabels });
  const receivedOn = { label: '收到日期', on: input.receivedOn, field: 'receivedOn' };
  checkNotBefore('disputes.suggestion.receivedBeforeIssued', receivedOn, {
    label: '制发日期',
    on: input.issuedOn,
  });
  checkNotAfterToday('disputes.suggestion.futureDate', receivedOn, today(ctx));
  if (input.urgent && input.kind !== 'publicInterest')
    throw invalid(
      'disputes.suggestion.urgentKind',
      '15 日的紧急答复期限只适用于行政公益诉讼诉前检察建议',
      'urgent',
    );
  const org = await getOrg(ctx, input.orgId).catch(() => {
    throw invalid('disputes.suggestion.orgUnknown', '答复单位不存在或不在您的权限范围内', 'orgId');
  });
  const dueOn = replyDue(await loadWorkCalendar(ctx.db), input.receivedOn, input.urgent);
  const row = {
    id: newId(),
    region_code: org.regionCode,
    org_id: org.id,
    kind: input.kind,
    issuer: input.issuer,
    document_no: input.documentNo,
    issued_on: input.issuedOn,
    received_on: input.receivedOn,
    urgent: input.urgent,
    summary: input.summary,
    due_on: dueOn,
    status: 'pending' as const,
  };
  await writeTx(ctx.db, ctx.actor, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, 'disputes_suggestion', 'disputes.suggestion.create', row, {
      kind: input.kind,
      documentNo: input.documentNo,
      receivedOn: input.receivedOn,
      dueOn,
    }),
  );
  return getSuggestion({ ...ctx, scope: ALL_SCOPE }, row.id);
}

/** 书面答复 and the rectification (两高公益诉讼解释 第二十一条). */
export async function replySuggestion(ctx: Ctx, id: string, raw: unknown): Promise<SuggestionView> {
  authorize(ctx.actor, 'disputes:suggestion:edit');
  const input = parseInput(ReplyInput, raw, { labels: suggestionFieldLabels });
  const row = atVersion(await findSuggestionRow(ctx.db, ctx.scope, id), input.version, notFoundSuggestion);
  if (row.status === 'answered')
    throw conflict('disputes.suggestion.answered', '该建议已经答复', { field: 'repliedOn' });
  const repliedOn = { label: '答复日期', on: input.repliedOn, field: 'repliedOn' };
  checkNotBefore('disputes.suggestion.replyBeforeReceipt', repliedOn, {
    label: '收到日期',
    on: row.received_on,
  });
  checkNotAfterToday('disputes.suggestion.futureDate', repliedOn, today(ctx));
  await writeVersioned(
    ctx,
    'disputes_suggestion',
    id,
    input.version,
    {
      replied_on: input.repliedOn,
      reply: input.reply,
      rectification: input.rectification || null,
      status: 'answered',
    },
    {
      action: 'disputes.suggestion.reply',
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { repliedOn: input.repliedOn, onTime: repliedOnTime(input.repliedOn, row.due_on) },
    },
  );
  return getSuggestion({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function getSuggestion(ctx: Ctx, id: string): Promise<SuggestionView> {
  authorize(ctx.actor, 'disputes:suggestion:list');
  const row = await findSuggestionRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundSuggestion();
  return present(row, today(ctx));
}

export async function searchSuggestions(
  ctx: Ctx,
  filter: SuggestionFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ items: SuggestionView[]; total: number }> {
  authorize(ctx.actor, 'disputes:suggestion:list');
  const { sort, ...f } = filter;
  const t = today(ctx);
  const { rows, total } = await listSuggestions(
    ctx.db,
    ctx.scope,
    f,
    t,
    page,
    parseSort(sort, suggestionSortColumns),
  );
  return { items: rows.map((r) => present(r, t)), total };
}
