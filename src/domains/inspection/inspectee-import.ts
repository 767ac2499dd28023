import type { Writable } from 'node:stream';
import type { Ctx } from '../../platform/context.js';
import { writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import { checkUscc } from '../../platform/ids/index.js';
import {
  defineColumns,
  exportLedgerXlsx,
  type ImportReport,
  type ImportSource,
  importLedger,
} from '../../platform/io/index.js';
import { authorize } from '../org/policy.js';
import type { RiskGrade } from './draw-input.js';
import { type InspecteeFilter, listInspectees } from './registry-store.js';
import { orgForWrite, writeInspecteeBatch } from './registry-service.js';
import { type InspecteeKind, inspecteeKindLabels } from './schema.js';

type WriteCtx = { trx: Tx; audit: (e: AuditInput) => void };

/** One row of the 检查对象名录库 spreadsheet: the same spec exports, templates and imports. */
export interface InspecteeFileRow {
  name: string;
  kind: InspecteeKind;
  uscc: string | null;
  industry: string;
  locationCode: string;
  riskGrade: RiskGrade;
  address: string | null;
}

export const inspecteeColumns = defineColumns<InspecteeFileRow>([
  { key: 'name', header: '名称', kind: 'text', required: true, maxLength: 200, width: 36 },
  {
    key: 'kind',
    header: '类型',
    kind: 'enum',
    required: true,
    enum: Object.entries(inspecteeKindLabels).map(([value, label]) => ({ value, label })),
  },
  {
    key: 'uscc',
    header: '统一社会信用代码',
    kind: 'text',
    unique: true,
    width: 22,
    validate: (v) => {
      const r = checkUscc(v);
      return r.ok ? undefined : r.reason;
    },
  },
  { key: 'industry', header: '行业', kind: 'text', required: true, maxLength: 60 },
  {
    key: 'locationCode',
    header: '所在区划代码',
    kind: 'text',
    required: true,
    width: 14,
    validate: (v) =>
      /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/.test(v) ? undefined : '行政区划代码应为 6、9 或 12 位数字',
  },
  {
    key: 'riskGrade',
    header: '风险等级',
    kind: 'enum',
    required: true,
    enum: [
      { value: 'A', label: 'A' },
      { value: 'B', label: 'B' },
      { value: 'C', label: 'C' },
      { value: 'D', label: 'D' },
    ],
  },
  { key: 'address', header: '地址', kind: 'text', maxLength: 300, width: 40 },
]);

/**
 * Excel/CSV import of the inspectee registry (100,000+ rows): the whole file is validated
 * first, then written in batches inside one transaction, one audit entry per batch. A bad row
 * writes nothing; the report lists the rows and columns at fault.
 */
export async function importInspecteesFromFile(
  ctx: Ctx,
  source: ImportSource,
  opts: { orgId?: string; batchSize?: number } = {},
): Promise<ImportReport> {
  authorize(ctx.actor, 'inspection:registry:edit');
  const org = await orgForWrite(ctx, opts.orgId);
  let first = 0;
  return importLedger<InspecteeFileRow, WriteCtx>(source, inspecteeColumns, {
    batchSize: opts.batchSize ?? 5000,
    checkRow: (r) =>
      r.kind === 'enterprise' && !r.uscc
        ? [{ column: 'uscc', message: '企业必须填写统一社会信用代码' }]
        : undefined,
    transaction: {
      execute: (write) => writeTx(ctx.db, ctx.actor, (trx, audit) => write({ trx, audit })),
    },
    onBatch: async (rows, { trx, audit }) => {
      const mapped = rows.map((r) => ({
        kind: r.kind,
        name: r.name,
        ...(r.uscc ? { uscc: r.uscc } : {}),
        industry: r.industry,
        locationCode: r.locationCode,
        riskGrade: r.riskGrade,
        ...(r.address ? { address: r.address } : {}),
      }));
      await writeInspecteeBatch(ctx, trx, audit, org, mapped, first);
      first += rows.length;
    },
  });
}

/** The registry (or a filtered part) as .xlsx in the import format. */
export async function exportInspecteesXlsx(
  ctx: Ctx,
  filter: InspecteeFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'inspection:registry:list');
  const { items } = await listInspectees(ctx.db, ctx.scope, filter, { offset: 0, limit: 200_000 });
  const rows: InspecteeFileRow[] = items.map((i) => ({
    name: i.name,
    kind: i.kind,
    uscc: i.uscc,
    industry: i.industry,
    locationCode: i.locationCode,
    riskGrade: i.riskGrade,
    address: i.address || null,
  }));
  return exportLedgerXlsx(rows, inspecteeColumns, out, { sheetName: '检查对象名录库' });
}
