import { invalid } from '../../platform/errors.js';
import type { LedgerAdapter } from './core/import.js';
import type { ItemLedgerRow } from './core/ledger.js';
import type { ItemKind } from './core/spec.js';

/** Words for what the old ledger holds and the new one does not ask again (approver, lawyer …). */
const RECORDED = '见原台账';

const need = (value: string | null, field: keyof ItemLedgerRow, what: string): string => {
  if (!value) throw invalid('requests.import.missing', `请填写${what}`, field);
  return value;
};
type Act = ReturnType<LedgerAdapter['history']>[number];

/** The opening act, on the day the row was received. */
const opening = (action: string, row: ItemLedgerRow): Act[] => [{ action, date: row.receivedOn, data: {} }];
/** 延期 as the old ledger records it: approved, on the day received. */
const extension = (row: ItemLedgerRow, data: Record<string, unknown> = {}): Act => ({
  action: 'extend',
  date: row.receivedOn,
  data: { approverName: RECORDED, reason: RECORDED, ...data },
});
/** The row's 答复 (or 决定、指派) date, which the row must then have. */
const answeredOn = (row: ItemLedgerRow, what = '答复日期') => need(row.answeredOn, 'answeredOn', what);
/** The row's 办结 (or 退回) date, which the row must then have. */
const closedOn = (row: ItemLedgerRow, what = '办结日期') => need(row.closedOn, 'closedOn', what);
/**
 * The 答复 the row records: on its answer date, with the old ledger's outcome under `key` (the
 * date is asked for first) and the row's 文号.
 */
const answerWithOutcome = (row: ItemLedgerRow, outcome: string | null, key: string, what: string): Act => ({
  action: 'answer',
  date: answeredOn(row),
  data: { [key]: need(outcome, 'outcome', what), documentNo: row.receiptNo },
});
/** An act without data on the row's 办结 date (办结, 撤回). */
const onClosing = (action: string, row: ItemLedgerRow): Act => ({ action, date: closedOn(row), data: {} });

const unsupported = (label: string) =>
  invalid(
    'requests.import.status',
    `“${label}”状态的事项请在系统中逐件登记,台账导入只接受办理中、已答复和已办结的事项`,
    'status',
  );

/**
 * How each ledger's rows become items: the create input, and the acts leading to the row's status
 * (dated by the row's 收到、答复、办结 dates), each then checked by the kind's rules.
 */
export const importAdapters: Partial<Record<ItemKind, LedgerAdapter>> = {
  disclosure: {
    createInput: (row, c) => ({
      orgId: c.orgId,
      applicantName: row.applicant,
      applicantKind: need(c.applicantKind, 'applicantKind', '申请人类型'),
      subject: row.subject,
      channel: c.channel,
      ...(c.channel === 'inPerson'
        ? { submittedOn: row.receivedOn }
        : c.channel === 'mailSigned'
          ? { signedOn: row.receivedOn }
          : { confirmedOn: row.receivedOn }),
    }),
    history: (row, c) => {
      const acts = opening('receive', row);
      if (row.extended) acts.push(extension(row));
      if (c.status === 'withdrawn') return [...acts, onClosing('withdraw', row)];
      if (c.status === 'processing') return acts;
      if (c.status !== 'answered' && c.status !== 'served') throw unsupported(row.status);
      const type = need(c.outcome, 'outcome', '答复结果');
      acts.push({
        action: 'answer',
        date: answeredOn(row),
        data: {
          answerType: type,
          documentNo: row.receiptNo,
          ...(type === 'partial' ? { disclosedPart: RECORDED, withheldPart: RECORDED } : {}),
          ...(type.startsWith('withheld.') ? { reason: RECORDED } : {}),
        },
      });
      if (c.status === 'served')
        acts.push({ action: 'serve', date: closedOn(row), data: { method: RECORDED } });
      return acts;
    },
  },
  petition: {
    createInput: (row, c) => ({
      orgId: c.orgId,
      petitionerName: row.applicant,
      petitionerKind: c.applicantKind ?? 'person',
      subject: row.subject,
      channel: c.channel,
      category: c.category,
      receivedOn: row.receivedOn,
    }),
    history: (row, c) => {
      const acts = opening('register', row);
      if (c.status === 'registered') return acts;
      if (!['handling', 'answered', 'closed'].includes(c.status)) throw unsupported(row.status);
      acts.push({ action: 'accept', date: row.receivedOn, data: {} });
      if (row.extended) acts.push(extension(row));
      if (c.status === 'handling') return acts;
      acts.push(answerWithOutcome(row, c.outcome, 'result', '处理结果'));
      if (c.status === 'closed') acts.push(onClosing('close', row));
      return acts;
    },
  },
  legalAid: {
    createInput: (row, c) => ({
      orgId: c.orgId,
      applicantName: row.applicant,
      applicantKind: need(c.applicantKind, 'applicantKind', '受援人类型'),
      category: c.category,
      channel: c.channel,
      subject: row.subject,
      receivedOn: row.receivedOn,
    }),
    history: (row, c) => {
      const acts = opening('apply', row);
      if (c.status === 'reviewing') return acts;
      if (c.status === 'refused')
        return [...acts, { action: 'refuse', date: answeredOn(row, '决定日期'), data: { reason: RECORDED } }];
      if (c.channel !== 'notice') acts.push({ action: 'approve', date: row.receivedOn, data: {} });
      if (c.status === 'approved') return acts;
      acts.push({
        action: 'assign',
        date: answeredOn(row, '指派日期'),
        data: { lawyerName: RECORDED, lawFirm: RECORDED },
      });
      if (c.status === 'closed')
        acts.push({
          action: 'close',
          date: closedOn(row),
          data: { result: need(c.outcome, 'outcome', '结案结果') },
        });
      else if (c.status !== 'assigned') throw unsupported(row.status);
      return acts;
    },
  },
  proposal: {
    createInput: (row, c) => ({
      orgId: c.orgId,
      source: c.category,
      role: c.channel,
      number: row.receiptNo,
      deputyName: row.applicant,
      subject: row.subject,
      assignedOn: row.receivedOn,
    }),
    history: (row, c) => {
      const acts = opening('assign', row);
      if (c.status === 'returned')
        return [...acts, { action: 'return', date: closedOn(row, '退回日期'), data: { reason: RECORDED } }];
      if (row.extended) acts.push(extension(row, { months: 3 }));
      if (c.status === 'handling') return acts;
      if (c.status !== 'answered' && c.status !== 'closed') throw unsupported(row.status);
      acts.push(answerWithOutcome(row, c.outcome, 'grade', '办理结果'));
      if (c.status === 'closed') acts.push(onClosing('close', row));
      return acts;
    },
  },
};
