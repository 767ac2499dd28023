import { PassThrough, type Writable } from 'node:stream';
import { z } from 'zod';
import '../validation.js';
import { defineColumns } from './columns.js';

/** A small enforcement-case ledger used by the io tests. */
export interface CaseRow {
  caseNo: string;
  party: string;
  category: 'penalty' | 'coercion' | 'inspection';
  decidedOn: string | null;
  amount: string | null;
  persons: number | null;
  major: boolean;
  note: string | null;
}

export const CATEGORY_OPTIONS = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'coercion', label: '行政强制' },
  { value: 'inspection', label: '行政检查' },
] as const;

export const caseColumns = defineColumns<CaseRow>([
  { key: 'caseNo', header: '案件编号', kind: 'text', required: true, unique: true, maxLength: 30, width: 22 },
  { key: 'party', header: '当事人', kind: 'text', required: true, maxLength: 50, width: 30 },
  { key: 'category', header: '案件类别', kind: 'enum', required: true, enum: CATEGORY_OPTIONS },
  { key: 'decidedOn', header: '决定日期', kind: 'date', width: 12 },
  { key: 'amount', header: '罚款金额(元)', kind: 'decimal', scale: 2 },
  {
    key: 'persons',
    header: '涉案人数',
    kind: 'int',
    validate: z.number().int().min(1, '涉案人数至少为 1').max(999, '涉案人数不能超过 999'),
  },
  { key: 'major', header: '是否重大', kind: 'bool', required: true },
  {
    key: 'note',
    header: '备注',
    kind: 'text',
    validate: (v) => (v.includes('测试') ? '备注中不能含“测试”' : undefined),
  },
]);

const NAMES = [
  '张三',
  '李四',
  '王五',
  '某某商贸有限公司',
  '赵六,个体户',
  '"老字号"餐馆',
  '多行\n备注的当事人',
  '=HYPERLINK("x")',
];

/** Deterministic varied rows: every kind, nulls, commas, quotes, line breaks, formula-like text. */
export function buildCaseRow(i: number): CaseRow {
  const category = CATEGORY_OPTIONS[i % 3]?.value ?? 'penalty';
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
  return {
    caseNo: `ZF-${String(2020 + (i % 5))}-${String(i).padStart(6, '0')}`,
    party: `${NAMES[i % NAMES.length]}${i}`,
    category,
    decidedOn: i % 7 === 0 ? null : day,
    amount: i % 5 === 0 ? null : `${(i * 37) % 100000}.${String(i % 100).padStart(2, '0')}`,
    persons: i % 4 === 0 ? null : (i % 50) + 1,
    major: i % 11 === 0,
    note: i % 3 === 0 ? null : `第${i}号 -备注 ${i % 13 === 0 ? '+加号开头' : ''}`.trim(),
  };
}

export function* buildCaseRows(n: number): Generator<CaseRow> {
  for (let i = 1; i <= n; i++) yield buildCaseRow(i);
}

/** A writable that collects everything written to it. */
export function sink(): { out: Writable; bytes: () => Buffer } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return { out, bytes: () => Buffer.concat(chunks) };
}
