import type { Ctx } from '../../../platform/context.js';
import { defineColumns } from '../../../platform/io/index.js';
import { searchItems } from './service.js';
import type { ItemKind, KindSpec } from './spec.js';
import type { ItemFilter } from './store.js';

/** One ledger row as exported (the same columns for every kind, headed in the kind's words). */
export interface ItemLedgerRow {
  receiptNo: string;
  orgName: string;
  subject: string;
  applicant: string;
  applicantKind: string | null;
  receivedOn: string;
  channel: string;
  category: string;
  status: string;
  outcome: string | null;
  dueOn: string | null;
  dueState: string | null;
  extended: boolean;
  answeredOn: string | null;
  closedOn: string | null;
  onTime: boolean | null;
}

const DUE = { normal: '正常', dueSoon: '临期', overdue: '逾期' } as const;

/** The headers a ledger words in its own law's terms; any other kind uses the common one. */
const KIND_HEADERS: Partial<Record<keyof ItemLedgerRow, Partial<Record<ItemKind, string>>>> = {
  subject: { mediation: '纠纷简要情况' },
  applicant: { proposal: '代表委员', mediation: '当事人' },
  applicantKind: { legalAid: '受援人类型', petition: '信访人类型' },
  receivedOn: { proposal: '交办日期' },
  channel: { mediation: '调解类型', proposal: '承办方式' },
};

export const itemColumns = (spec: KindSpec) => {
  const header = (key: keyof ItemLedgerRow, common: string) => KIND_HEADERS[key]?.[spec.kind] ?? common;
  return defineColumns<ItemLedgerRow>([
    {
      key: 'receiptNo',
      required: true,
      header: '编号',
      kind: 'text',
      width: 18,
      unique: true,
      maxLength: 40,
    },
    { key: 'orgName', required: true, header: '办理单位', kind: 'text', width: 28 },
    { key: 'subject', required: true, header: header('subject', '事项内容'), kind: 'text', width: 40 },
    { key: 'applicant', required: true, header: header('applicant', '申请人'), kind: 'text', width: 16 },
    { key: 'applicantKind', header: header('applicantKind', '申请人类型'), kind: 'text', width: 14 },
    { key: 'receivedOn', required: true, header: header('receivedOn', '收到日期'), kind: 'date', width: 12 },
    { key: 'channel', required: true, header: header('channel', '渠道'), kind: 'text', width: 14 },
    { key: 'category', required: true, header: '类别', kind: 'text', width: 14 },
    { key: 'status', required: true, header: '状态', kind: 'text', width: 14 },
    { key: 'outcome', header: '结果', kind: 'text', width: 24 },
    { key: 'dueOn', header: '期限', kind: 'date', width: 12 },
    { key: 'dueState', header: '临期逾期', kind: 'text', width: 10 },
    { key: 'extended', required: true, header: '延期', kind: 'bool', width: 8 },
    { key: 'answeredOn', header: '答复日期', kind: 'date', width: 12 },
    { key: 'closedOn', header: '办结日期', kind: 'date', width: 12 },
    { key: 'onTime', header: '按期', kind: 'bool', width: 8 },
  ]);
};

/** The filtered ledger, all pages, as rows for the spreadsheet. */
export async function itemLedgerRows(ctx: Ctx, spec: KindSpec, filter: ItemFilter): Promise<ItemLedgerRow[]> {
  const out: ItemLedgerRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await searchItems(ctx, spec, filter, { offset, limit: 500 });
    for (const x of page.items)
      out.push({
        receiptNo: x.receiptNo,
        orgName: x.orgName,
        subject: x.subject,
        applicant: x.applicantName,
        applicantKind: x.applicantKindLabel,
        receivedOn: x.receivedOn,
        channel: x.channelLabel ?? '',
        category: x.categoryLabel ?? '',
        status: x.statusLabel ?? '',
        outcome: x.outcomeLabel,
        dueOn: x.dueOn,
        dueState: x.dueState ? DUE[x.dueState] : null,
        extended: x.extended,
        answeredOn: x.answeredOn,
        closedOn: x.closedOn,
        onTime: x.onTime,
      });
    if (page.items.length < 500) break;
  }
  return out;
}
