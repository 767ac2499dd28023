import { type CellInput, defineColumns, type ParseResult } from '../../../../platform/io/index.js';
import { type PenaltyKind, partyKindLabels, penaltyKindLabels, procedureLabels } from '../schema.js';
import { powerCategoryLabels } from '../../power-list/schema.js';

/**
 * 行政执法案件历史数据 (one closed case per row): the one column spec behind the template
 * download, the import and the export, so an exported ledger imports back unchanged.
 */
export interface CaseImportRow {
  caseNo: string;
  category: string;
  bodyName: string;
  orgName: string;
  procedure: string;
  partyKind: string;
  partyName: string;
  /** 统一社会信用代码 (organisation) or 公民身份号码 (person) */
  partyCode: string | null;
  facts: string;
  powerItemCode: string | null;
  certificate1: string;
  certificate2: string;
  openedOn: string;
  decidedOn: string | null;
  servedOn: string | null;
  closedOn: string;
  penalties: PenaltyKind[] | null;
  /** yuan, two decimals, as a canonical string */
  amount: string | null;
  major: boolean;
  reviewed: boolean;
  decisionNo: string | null;
}

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const penaltyByLabel = new Map<string, PenaltyKind>(
  Object.entries(penaltyKindLabels).map(([k, label]) => [label, k as PenaltyKind]),
);
// short forms staff write in old ledgers
penaltyByLabel.set('没收违法所得', 'confiscate');
penaltyByLabel.set('没收非法财物', 'confiscate');

/** 处罚种类: labels separated by 、 , ; (e.g. “警告、罚款”). */
export function parsePenalties(cell: Exclude<CellInput, null>): ParseResult<PenaltyKind[]> {
  const parts = String(cell)
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: PenaltyKind[] = [];
  for (const p of parts) {
    const kind = penaltyByLabel.get(p);
    if (!kind)
      return {
        ok: false,
        error: `“${p}”不是行政处罚的种类(应为${Object.values(penaltyKindLabels).slice(0, 4).join('、')}等,多个用“、”分隔)`,
      };
    if (!out.includes(kind)) out.push(kind);
  }
  return out.length > 0 ? { ok: true, value: out } : { ok: false, error: '请填写处罚种类' };
}

export const formatPenalties = (v: readonly PenaltyKind[] | null): string | null =>
  v && v.length > 0 ? v.map((k) => penaltyKindLabels[k]).join('、') : null;

export const caseImportColumns = defineColumns<CaseImportRow>([
  { key: 'caseNo', header: '案件编号', kind: 'text', required: true, unique: true, maxLength: 60, width: 28 },
  {
    key: 'category',
    header: '执法类别',
    kind: 'enum',
    required: true,
    width: 14,
    enum: options(powerCategoryLabels),
  },
  { key: 'bodyName', header: '执法主体', kind: 'text', required: true, maxLength: 100, width: 30 },
  { key: 'orgName', header: '办案机构', kind: 'text', required: true, maxLength: 100, width: 30 },
  {
    key: 'procedure',
    header: '程序',
    kind: 'enum',
    required: true,
    width: 18,
    enum: options(procedureLabels),
  },
  {
    key: 'partyKind',
    header: '当事人类型',
    kind: 'enum',
    required: true,
    width: 16,
    enum: options(partyKindLabels),
  },
  { key: 'partyName', header: '当事人名称', kind: 'text', required: true, maxLength: 100, width: 30 },
  { key: 'partyCode', header: '统一社会信用代码/身份证号', kind: 'text', maxLength: 18, width: 22 },
  { key: 'facts', header: '违法事实或事项', kind: 'text', required: true, maxLength: 4000, width: 40 },
  { key: 'powerItemCode', header: '权力事项编码', kind: 'text', maxLength: 60, width: 18 },
  { key: 'certificate1', header: '承办人执法证号1', kind: 'text', required: true, maxLength: 40, width: 18 },
  { key: 'certificate2', header: '承办人执法证号2', kind: 'text', required: true, maxLength: 40, width: 18 },
  { key: 'openedOn', header: '立案日期', kind: 'date', required: true, width: 12 },
  { key: 'decidedOn', header: '决定日期', kind: 'date', width: 12 },
  { key: 'servedOn', header: '送达日期', kind: 'date', width: 12 },
  { key: 'closedOn', header: '结案日期', kind: 'date', required: true, width: 12 },
  {
    key: 'penalties',
    header: '处罚种类',
    kind: 'text',
    width: 24,
    parse: parsePenalties,
    format: (v) => formatPenalties(v),
  },
  { key: 'amount', header: '罚款金额(元)', kind: 'decimal', scale: 2, width: 14 },
  { key: 'major', header: '是否重大', kind: 'bool', required: true, width: 10 },
  { key: 'reviewed', header: '是否经法制审核', kind: 'bool', required: true, width: 14 },
  { key: 'decisionNo', header: '决定书文号', kind: 'text', maxLength: 60, width: 24 },
]);

/** The header of a column by its key (for messages that name a column). */
export function headerOf(key: keyof CaseImportRow): string {
  return caseImportColumns.find((c) => c.key === key)?.header ?? key;
}
