import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { invalid } from '../../../platform/errors.js';
import { mapRows } from '../../../platform/paging.js';
import {
  defineColumns,
  exportLedgerCsv,
  exportLedgerXlsx,
  type LedgerColumns,
} from '../../../platform/io/index.js';
import { authorize } from '../../org/policy.js';
import type { PartyKind } from '../cases/schema.js';
import { type CreditFilter, iterateCreditRows } from './portal-store.js';
import type { PublicationContent } from './rules.js';

/**
 * 双公示: 行政许可 and 行政处罚 decisions reported to the 信用中国 platform in its column sets.
 * A natural person's 证件号码, phone and address are never exported (RULES §2.4: 隐去): the
 * 证件号码 column stays empty and the texts are the already-masked publication content.
 */

/** 信用中国 "处罚有效期 / 有效期至": 2099-12-31 stands for 长期 (no end date). */
export const CREDIT_OPEN_END = '2099-12-31';

/** 行政相对人类别 as the platform names it. */
export const creditPartyKind = {
  organisation: '法人及非法人组织',
  person: '自然人',
} as const satisfies Record<PartyKind, string>;

export interface CreditSource {
  content: PublicationContent;
  party_kind: string;
  org_name: string;
  org_uscc: string | null;
  power_name: string | null;
}

interface CreditParty {
  partyName: string;
  partyKind: string;
  partyUscc: string | null;
  legalRepresentative: string | null;
  idType: string | null;
  idNumber: string | null;
}

function party(s: CreditSource): CreditParty {
  const person = s.party_kind === 'person';
  return {
    partyName: s.content.partyName,
    partyKind: person ? creditPartyKind.person : creditPartyKind.organisation,
    partyUscc: person ? null : s.content.partyUscc,
    // the case ledger does not record the legal representative: left empty, never guessed
    legalRepresentative: null,
    idType: person ? '身份证' : null,
    // 身份证号码 of a natural person: 隐去 (浙江省…暂行办法 第七条)
    idNumber: null,
  };
}

export interface PenaltyCreditRow extends CreditParty {
  decisionNo: string | null;
  violationType: string | null;
  facts: string;
  basis: string | null;
  penaltyKinds: string;
  penaltyContent: string;
  fineWan: string | null;
  confiscatedWan: string | null;
  licenceAffected: string | null;
  decidedOn: string;
  validUntil: string;
  publicUntil: string | null;
  authority: string;
  authorityUscc: string | null;
  sourceName: string;
  sourceUscc: string | null;
  note: string | null;
}

/** 罚款金额 in 万元, as the platform asks, to six decimals (whole fen). */
export function toWan(yuan: number | null): string | null {
  return yuan === null || yuan <= 0 ? null : (yuan / 10_000).toFixed(6);
}

/** 处罚内容: the kinds imposed, with the fine's amount. */
export function penaltyContentText(c: PublicationContent): string {
  return (c.penalties ?? []).map((p) => (p === '罚款' && c.amount ? `罚款人民币${c.amount}元` : p)).join(';');
}

export function penaltyCreditRow(s: CreditSource): PenaltyCreditRow {
  const c = s.content;
  return {
    ...party(s),
    decisionNo: c.decisionNo,
    violationType: s.power_name,
    facts: c.facts,
    basis: c.basis,
    penaltyKinds: (c.penalties ?? []).join(';'),
    penaltyContent: penaltyContentText(c),
    fineWan: (c.penalties ?? []).includes('罚款') ? toWan(c.amount) : null,
    confiscatedWan: null,
    licenceAffected: null,
    decidedOn: c.decidedOn,
    validUntil: CREDIT_OPEN_END,
    publicUntil: null,
    authority: c.orgName,
    authorityUscc: s.org_uscc,
    sourceName: s.org_name,
    sourceUscc: s.org_uscc,
    note: null,
  };
}

export interface LicenseCreditRow extends CreditParty {
  documentName: string;
  decisionNo: string | null;
  licenseType: string | null;
  certificateName: string | null;
  licenseNo: string | null;
  licenseContent: string;
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  authority: string;
  authorityUscc: string | null;
  state: string;
  sourceName: string;
  sourceUscc: string | null;
  note: string | null;
}

export function licenseCreditRow(s: CreditSource): LicenseCreditRow {
  const c = s.content;
  return {
    ...party(s),
    documentName: s.power_name ? `${s.power_name}决定书` : '行政许可决定书',
    decisionNo: c.decisionNo,
    // 许可类别 (普通/特许/认可/核准/登记) and the certificate number are not in the case ledger
    licenseType: null,
    certificateName: s.power_name,
    licenseNo: null,
    licenseContent: c.facts,
    decidedOn: c.decidedOn,
    validFrom: c.decidedOn,
    validUntil: CREDIT_OPEN_END,
    authority: c.orgName,
    authorityUscc: s.org_uscc,
    state: '有效',
    sourceName: s.org_name,
    sourceUscc: s.org_uscc,
    note: null,
  };
}

const partyColumns = [
  { key: 'partyName', header: '行政相对人名称', kind: 'text', required: true, width: 28 },
  { key: 'partyKind', header: '行政相对人类别', kind: 'text', required: true, width: 16 },
  { key: 'partyUscc', header: '统一社会信用代码', kind: 'text', width: 20 },
  { key: 'legalRepresentative', header: '法定代表人', kind: 'text', width: 10 },
  { key: 'idType', header: '证件类型', kind: 'text', width: 10 },
  { key: 'idNumber', header: '证件号码', kind: 'text', width: 20 },
] as const;

export const penaltyCreditColumns = defineColumns<PenaltyCreditRow>([
  ...partyColumns,
  { key: 'decisionNo', header: '行政处罚决定书文号', kind: 'text', width: 24 },
  { key: 'violationType', header: '违法行为类型', kind: 'text', width: 24 },
  { key: 'facts', header: '违法事实', kind: 'text', required: true, width: 48 },
  { key: 'basis', header: '处罚依据', kind: 'text', width: 32 },
  { key: 'penaltyKinds', header: '处罚类别', kind: 'text', required: true, width: 16 },
  { key: 'penaltyContent', header: '处罚内容', kind: 'text', required: true, width: 28 },
  { key: 'fineWan', header: '罚款金额(万元)', kind: 'decimal', scale: 6, width: 14 },
  {
    key: 'confiscatedWan',
    header: '没收违法所得、没收非法财物的金额(万元)',
    kind: 'decimal',
    scale: 6,
    width: 18,
  },
  { key: 'licenceAffected', header: '暂扣或吊销证照名称及编号', kind: 'text', width: 20 },
  { key: 'decidedOn', header: '处罚决定日期', kind: 'date', required: true, width: 12 },
  { key: 'validUntil', header: '处罚有效期', kind: 'date', required: true, width: 12 },
  { key: 'publicUntil', header: '公示截止期', kind: 'date', width: 12 },
  { key: 'authority', header: '处罚机关', kind: 'text', required: true, width: 28 },
  { key: 'authorityUscc', header: '处罚机关统一社会信用代码', kind: 'text', width: 20 },
  { key: 'sourceName', header: '数据来源单位', kind: 'text', required: true, width: 28 },
  { key: 'sourceUscc', header: '数据来源单位统一社会信用代码', kind: 'text', width: 20 },
  { key: 'note', header: '备注', kind: 'text', width: 20 },
]);

export const licenseCreditColumns = defineColumns<LicenseCreditRow>([
  ...partyColumns,
  { key: 'documentName', header: '行政许可决定文书名称', kind: 'text', required: true, width: 24 },
  { key: 'decisionNo', header: '行政许可决定文书号', kind: 'text', width: 24 },
  { key: 'licenseType', header: '许可类别', kind: 'text', width: 10 },
  { key: 'certificateName', header: '许可证书名称', kind: 'text', width: 20 },
  { key: 'licenseNo', header: '许可编号', kind: 'text', width: 20 },
  { key: 'licenseContent', header: '许可内容', kind: 'text', required: true, width: 40 },
  { key: 'decidedOn', header: '许可决定日期', kind: 'date', required: true, width: 12 },
  { key: 'validFrom', header: '有效期自', kind: 'date', required: true, width: 12 },
  { key: 'validUntil', header: '有效期至', kind: 'date', required: true, width: 12 },
  { key: 'authority', header: '许可机关', kind: 'text', required: true, width: 28 },
  { key: 'authorityUscc', header: '许可机关统一社会信用代码', kind: 'text', width: 20 },
  { key: 'state', header: '当前状态', kind: 'text', required: true, width: 10 },
  { key: 'sourceName', header: '数据来源单位', kind: 'text', required: true, width: 28 },
  { key: 'sourceUscc', header: '数据来源单位统一社会信用代码', kind: 'text', width: 20 },
  { key: 'note', header: '备注', kind: 'text', width: 20 },
]);

export type CreditFormat = 'xlsx' | 'csv';

/**
 * Streams the 双公示 file of the published decisions in scope (by kind, 决定日期 range and org)
 * through the platform exporter; the stream is ended.
 */
export async function exportCreditInfo(
  ctx: Ctx,
  f: CreditFilter,
  format: CreditFormat,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'enforcement:case:list');
  if (f.from && f.to && f.from > f.to)
    throw invalid('enforcement.creditDateRange', '决定日期的起始日期不能晚于截止日期', 'from');
  const source = iterateCreditRows(ctx.db, ctx.scope, f);
  if (f.kind === 'penalty')
    return write(mapRows(source, penaltyCreditRow), penaltyCreditColumns, format, out, '行政处罚');
  return write(mapRows(source, licenseCreditRow), licenseCreditColumns, format, out, '行政许可');
}

function write<Row>(
  rows: AsyncIterable<Row>,
  columns: LedgerColumns<Row>,
  format: CreditFormat,
  out: Writable,
  sheetName: string,
) {
  return format === 'csv'
    ? exportLedgerCsv(rows, columns, out)
    : exportLedgerXlsx(rows, columns, out, { sheetName });
}
