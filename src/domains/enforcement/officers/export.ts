import type { Writable } from 'node:stream';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { defineColumns, exportLedgerXlsx } from '../../../platform/io/index.js';
import { mapRows } from '../../../platform/paging.js';
import { authorize } from '../../org/policy.js';
import { type Gender, genderLabels } from './schema.js';
import { iterateOfficers, type OfficerFilter } from './store.js';

/** One row of the 执法人员台账 as exchanged with Excel. */
export interface OfficerLedgerRow {
  orgName: string;
  bodyName: string;
  name: string;
  gender: Gender;
  position: string | null;
  certificateNumber: string | null;
  field: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  state: string;
  trainingHours: number;
}

export const officerLedgerColumns = defineColumns<OfficerLedgerRow>([
  { key: 'orgName', header: '所在单位', kind: 'text', required: true, width: 30 },
  { key: 'bodyName', header: '执法主体', kind: 'text', required: true, width: 30 },
  { key: 'name', header: '姓名', kind: 'text', required: true, width: 10 },
  {
    key: 'gender',
    header: '性别',
    kind: 'enum',
    required: true,
    width: 6,
    enum: Object.entries(genderLabels).map(([value, label]) => ({ value, label })),
  },
  { key: 'position', header: '职务', kind: 'text', width: 14 },
  { key: 'certificateNumber', header: '执法证号', kind: 'text', width: 16 },
  { key: 'field', header: '执法领域', kind: 'text', width: 16 },
  { key: 'issuedOn', header: '发证日期', kind: 'date', width: 12 },
  { key: 'validUntil', header: '有效期至', kind: 'date', width: 12 },
  { key: 'state', header: '证件状态', kind: 'text', required: true, width: 12 },
  { key: 'trainingHours', header: '培训学时', kind: 'int', required: true, width: 10 },
]);

/** Streams the officer ledger (same filters as the list) to .xlsx; the stream is ended. */
export async function exportOfficerLedger(
  ctx: Ctx,
  filter: OfficerFilter,
  out: Writable,
): Promise<{ rows: number }> {
  authorize(ctx.actor, 'enforcement:officer:list');
  const today = chinaDate(ctx.now());
  const rows = mapRows(
    iterateOfficers(ctx.db, ctx.scope, filter, today),
    (o): OfficerLedgerRow => ({
      orgName: o.orgName,
      bodyName: o.bodyName,
      name: o.name,
      gender: o.gender,
      position: o.position || null,
      certificateNumber: o.certificate?.number ?? null,
      field: o.certificate?.field ?? null,
      issuedOn: o.certificate?.issuedOn ?? null,
      validUntil: o.certificate?.validUntil ?? null,
      state: o.certificateStateLabel,
      trainingHours: o.trainingHours,
    }),
  );
  return exportLedgerXlsx(rows, officerLedgerColumns, out, { sheetName: '执法人员台账' });
}
