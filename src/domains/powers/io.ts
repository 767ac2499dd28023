import type { PassThrough } from 'node:stream';
import type { Ctx } from '../../platform/context.js';
import {
  exportLedgerXlsx,
  type ImportReport,
  type ImportSource,
  importLedger,
  type LedgerColumns,
} from '../../platform/io/index.js';
import { listBodies } from '../enforcement/officers/store.js';
import { iteratePowerItems } from '../enforcement/power-list/store.js';
import { listOrgs } from '../org/org-store.js';
import { authorize } from '../org/policy.js';
import type { DiscretionStandard } from './discretion.js';
import {
  CIRCUMSTANCE_PREFIX,
  type DiscretionRow,
  discretionColumns,
  type LeniencyRow,
  type LicenseRow,
  leniencyColumns,
  licenseColumns,
  type MatterRow,
  matterColumns,
} from './io-columns.js';
import type { LeniencyItem } from './leniency.js';
import type { LicenseItem } from './license.js';
import { exportList, importEntries, type ListDef } from './list-service.js';
import type { EnforcementMatter } from './matter.js';
import { lists } from './lists.js';
import { checkDiscretionLevels } from './rules.js';
import { Circumstance, type DiscretionLevel } from './schema.js';
import type { ListFilter } from './store.js';
import { startWriting } from '../../platform/http/files.js';

/** Names and codes a sheet uses, resolved inside the caller's scope. */
interface Refs {
  orgs: Map<string, string>;
  /** 权责事项编码 → id */
  items: Map<string, string>;
  /** 执法主体 name → id */
  bodies: Map<string, string>;
}

async function loadRefs(ctx: Ctx): Promise<Refs> {
  const orgs = (await listOrgs(ctx.db, ctx.scope, {})).items;
  const items = new Map<string, string>();
  for await (const p of iteratePowerItems(ctx.db, ctx.scope, { status: 'active' })) items.set(p.code, p.id);
  const bodies = (await listBodies(ctx.db, ctx.scope, {}, { offset: 0, limit: 100_000 })).items;
  return {
    orgs: new Map(orgs.map((o) => [o.name, o.id])),
    items,
    bodies: new Map(bodies.map((b) => [b.name, b.id])),
  };
}

type RowError = { column: string; message: string };

/** How one list travels as a sheet. */
interface ListSheet<Row, Entry> {
  def: ListDef<Entry, unknown, unknown>;
  columns: LedgerColumns<Row>;
  sheetName: string;
  toRow(e: Entry): Row;
  /** the identity matching a sheet row to an existing entry */
  key(e: Entry | Row): string;
  check(row: Row, refs: Refs): RowError[];
  /** the entry's fields (create input, or amend fields without version / reason) */
  fields(row: Row, refs: Refs): Record<string, unknown>;
  /** the fields an amend may not carry */
  identity: readonly string[];
}

const refError = (
  map: Map<string, string>,
  value: string | null,
  column: string,
  what: string,
): RowError[] =>
  value && !map.has(value) ? [{ column, message: `${what}“${value}”不存在或不在您的权限范围内` }] : [];

const licenseSheet: ListSheet<LicenseRow, LicenseItem> = {
  def: lists.licenses as unknown as ListDef<LicenseItem, unknown, unknown>,
  columns: licenseColumns,
  sheetName: '行政许可事项清单',
  toRow: (e) => ({
    code: e.code,
    name: e.name,
    subItem: e.subItem || null,
    orgName: e.orgName,
    implementingOrg: e.implementingOrg,
    powerItemCode: e.powerItemCode,
    lawName: e.lawName,
    article: e.article,
    implementationBasis: e.implementationBasis || null,
    approvalLevel: e.approvalLevel,
    statutoryDays: e.statutoryDays,
    promisedDays: e.promisedDays,
    charges: e.charges,
    feeNote: e.feeNote || null,
    prerequisite: e.prerequisite,
    prerequisiteNote: e.prerequisiteNote || null,
  }),
  key: (e) => e.code,
  check(row, refs) {
    const errs = [
      ...refError(refs.orgs, row.orgName, '所属单位', '单位'),
      ...refError(refs.items, row.powerItemCode, '权责事项编码', '权责事项'),
    ];
    if (row.promisedDays > row.statutoryDays)
      errs.push({ column: '承诺办结时限(工作日)', message: '承诺办结时限不能超过法定办结时限' });
    if (row.charges && !row.feeNote)
      errs.push({ column: '收费标准及依据', message: '收费的事项须写明收费标准及依据' });
    if (row.prerequisite && !row.prerequisiteNote)
      errs.push({ column: '前置事项', message: '涉及前置的须写明前置事项' });
    return errs;
  },
  fields: (row, refs) => ({
    orgId: refs.orgs.get(row.orgName),
    powerItemId: row.powerItemCode ? (refs.items.get(row.powerItemCode) ?? null) : null,
    code: row.code,
    name: row.name,
    subItem: row.subItem ?? '',
    implementingOrg: row.implementingOrg,
    lawName: row.lawName,
    article: row.article,
    implementationBasis: row.implementationBasis ?? '',
    approvalLevel: row.approvalLevel,
    statutoryDays: row.statutoryDays,
    promisedDays: row.promisedDays,
    charges: row.charges,
    feeNote: row.feeNote ?? '',
    prerequisite: row.prerequisite,
    prerequisiteNote: row.prerequisiteNote ?? '',
  }),
  identity: ['orgId', 'code'],
};

const matterSheet: ListSheet<MatterRow, EnforcementMatter> = {
  def: lists.matters as unknown as ListDef<EnforcementMatter, unknown, unknown>,
  columns: matterColumns,
  sheetName: '执法事项',
  toRow: (e) => ({
    powerItemCode: e.powerItemCode ?? '',
    powerItemName: e.powerItemName,
    bodyName: e.bodyName,
    level: e.level,
    entrusted: e.entrusted,
    note: e.note || null,
  }),
  key: (e) => `${e.powerItemCode}/${e.bodyName}`,
  check: (row, refs) => [
    ...refError(refs.items, row.powerItemCode, '权责事项编码', '权责事项'),
    ...refError(refs.bodies, row.bodyName, '执法主体', '执法主体'),
  ],
  fields: (row, refs) => ({
    powerItemId: refs.items.get(row.powerItemCode),
    bodyId: refs.bodies.get(row.bodyName),
    level: row.level,
    entrusted: row.entrusted,
    note: row.note ?? '',
  }),
  identity: ['powerItemId', 'bodyId'],
};

const leniencySheet: ListSheet<LeniencyRow, LeniencyItem> = {
  def: lists['leniency-items'] as unknown as ListDef<LeniencyItem, unknown, unknown>,
  columns: leniencyColumns,
  sheetName: '包容审慎监管四张清单',
  toRow: (e) => ({
    code: e.code,
    kind: e.kind,
    orgName: e.orgName,
    powerItemCode: e.powerItemCode,
    violation: e.violation,
    conditions: e.conditions,
    lawName: e.lawName,
    article: e.article,
    outcome: e.outcome,
  }),
  key: (e) => e.code,
  check: (row, refs) => [
    ...refError(refs.orgs, row.orgName, '所属单位', '单位'),
    ...refError(refs.items, row.powerItemCode, '权责事项编码', '权责事项'),
  ],
  fields: (row, refs) => ({
    orgId: refs.orgs.get(row.orgName),
    kind: row.kind,
    powerItemId: row.powerItemCode ? (refs.items.get(row.powerItemCode) ?? null) : null,
    code: row.code,
    violation: row.violation,
    conditions: row.conditions,
    lawName: row.lawName,
    article: row.article,
    outcome: row.outcome,
  }),
  identity: ['orgId', 'code'],
};

function levelsOf(row: DiscretionRow): DiscretionLevel[] {
  const out: DiscretionLevel[] = [];
  for (const c of Circumstance.options) {
    const text = row[`${c}Text`];
    const min = row[`${c}Min`];
    const max = row[`${c}Max`];
    const other = row[`${c}Other`];
    if (!text && min === null && max === null && !other) continue;
    out.push({
      circumstance: c,
      description: text ?? '',
      fineUnit: row.fineUnit === 'multiple' ? 'multiple' : 'yuan',
      fineMin: min === null ? null : Number(min),
      fineMax: max === null ? null : Number(max),
      otherPenalties: other ?? '',
    });
  }
  return out;
}

const decimal = (n: number | null) => (n === null ? null : n.toFixed(2));

const discretionSheet: ListSheet<DiscretionRow, DiscretionStandard> = {
  def: lists['discretion-standards'] as unknown as ListDef<DiscretionStandard, unknown, unknown>,
  columns: discretionColumns,
  sheetName: '行政处罚裁量权基准',
  toRow(e) {
    const row: DiscretionRow = {
      code: e.code,
      powerItemCode: e.powerItemCode ?? '',
      violation: e.violation,
      lawName: e.lawName,
      article: e.article,
      fineUnit: e.levels[0]?.fineUnit ?? 'yuan',
      minorText: null,
      minorMin: null,
      minorMax: null,
      minorOther: null,
      generalText: null,
      generalMin: null,
      generalMax: null,
      generalOther: null,
      seriousText: null,
      seriousMin: null,
      seriousMax: null,
      seriousOther: null,
      graveText: null,
      graveMin: null,
      graveMax: null,
      graveOther: null,
    };
    for (const l of e.levels) {
      row[`${l.circumstance}Text`] = l.description;
      row[`${l.circumstance}Min`] = decimal(l.fineMin);
      row[`${l.circumstance}Max`] = decimal(l.fineMax);
      row[`${l.circumstance}Other`] = l.otherPenalties || null;
    }
    return row;
  },
  key: (e) => e.code,
  check(row, refs) {
    const errs = refError(refs.items, row.powerItemCode, '权责事项编码', '权责事项');
    const levels = levelsOf(row);
    if (levels.length === 0) errs.push({ column: '一般情节', message: '至少填写一个情节的裁量幅度' });
    for (const l of levels)
      if (l.description.length < 2)
        errs.push({
          column: `${CIRCUMSTANCE_PREFIX[l.circumstance]}情节`,
          message: '请写明该情节的具体情形',
        });
    try {
      checkDiscretionLevels(levels);
    } catch (e) {
      const i = Number(
        /^levels\.(\d+)/.exec((e as { details?: { field?: string } }).details?.field ?? '')?.[1],
      );
      const c = levels[i]?.circumstance ?? 'general';
      errs.push({ column: `${CIRCUMSTANCE_PREFIX[c]}·罚款上限`, message: (e as Error).message });
    }
    return errs;
  },
  fields: (row, refs) => ({
    powerItemId: refs.items.get(row.powerItemCode),
    code: row.code,
    violation: row.violation,
    lawName: row.lawName,
    article: row.article,
    levels: levelsOf(row),
  }),
  identity: ['powerItemId', 'code'],
};

export const sheets = {
  licenses: licenseSheet,
  matters: matterSheet,
  'leniency-items': leniencySheet,
  'discretion-standards': discretionSheet,
} as const;
export type SheetKey = keyof typeof sheets;

/** The list (as filtered) as an .xlsx: the same columns the import reads. */
export async function exportSheet(ctx: Ctx, key: SheetKey, filter: ListFilter): Promise<PassThrough> {
  const sheet = sheets[key] as unknown as ListSheet<Record<string, unknown>, Record<string, unknown>>;
  const rows: Record<string, unknown>[] = [];
  for await (const e of exportList(
    ctx,
    sheet.def as ListDef<{ id: string; status: 'active' }, unknown, unknown>,
    // repealed entries only when asked for: an export is meant to be edited and imported again
    { ...filter, status: filter.status ?? 'active' },
  ))
    rows.push(sheet.toRow(e as unknown as Record<string, unknown>));
  return startWriting((out) => exportLedgerXlsx(rows, sheet.columns, out, { sheetName: sheet.sheetName }));
}

/**
 * Imports a sheet all-or-nothing: rows whose key (编码, or 权责事项编码 + 执法主体) matches an
 * entry in force change it (a revision with the reason 'Excel 导入'), other rows create entries.
 */
export async function importSheet(ctx: Ctx, key: SheetKey, source: ImportSource): Promise<ImportReport> {
  const sheet = sheets[key] as unknown as ListSheet<Record<string, unknown>, Record<string, unknown>>;
  authorize(ctx.actor, sheet.def.edit);
  const refs = await loadRefs(ctx);
  const existing = new Map<string, Record<string, unknown>>();
  for await (const e of exportList(
    ctx,
    sheet.def as ListDef<{ id: string; status: 'active' }, unknown, unknown>,
    {
      status: 'active',
    },
  ))
    existing.set(sheet.key(e as unknown as Record<string, unknown>), e as unknown as Record<string, unknown>);
  const rows: Record<string, unknown>[] = [];
  const report = await importLedger(source, sheet.columns, {
    checkRow: (row) => sheet.check(row, refs),
    onBatch: (batch) => {
      rows.push(...batch);
    },
  });
  if (!report.ok) return report;
  const creates: unknown[] = [];
  const amends: { id: string; raw: unknown }[] = [];
  for (const row of rows) {
    const fields = sheet.fields(row, refs);
    const found = existing.get(sheet.key(row));
    if (!found) {
      creates.push(fields);
      continue;
    }
    const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !sheet.identity.includes(k)));
    amends.push({ id: String(found.id), raw: { ...rest, version: found.version, reason: 'Excel 导入' } });
  }
  const { created, changed } = await importEntries(ctx, sheet.def, creates, amends, 'Excel 导入');
  return { ...report, rowsWritten: created + changed };
}
