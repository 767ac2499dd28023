import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Ctx } from '../../../platform/context.js';
import { newId, writeTx, ownedBy } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { exportLedgerXlsx, type ImportReport, type ImportSource } from '../../../platform/io/index.js';
import { looseColumns } from '../../../platform/io/columns.js';
import { emptyReport, rowsUnderHeader } from '../../../platform/io/import.js';
import type { RowError } from '../../../platform/io/rows.js';
import { openRows } from '../../../platform/io/source.js';
import { authorize } from '../../org/policy.js';
import { nextEdition } from '../edition.js';
import { issuerOrg } from '../org-access.js';
import { headerOfField, type IndicatorRow, indicatorColumns } from './columns.js';
import { type CheckedIndicator, checkEdition, type EditionProblem } from './rules.js';
import {
  CreateEditionInput,
  EditionHeader,
  IndicatorInput,
  type IndicatorMethod,
  type ScoringRule,
} from './schema.js';
import './tables.js';

/**
 * The registry metrics an indicator may bind to, looked up by id. The caller passes it in (the
 * report layer owns the registry; a domain does not import it).
 */
export type MetricCatalogue = (id: string) => { name: string; unit: string } | undefined;

function metricProblems(indicators: readonly CheckedIndicator[], metrics: MetricCatalogue): EditionProblem[] {
  return indicators.flatMap((x, index) =>
    x.metricId && !metrics(x.metricId)
      ? [{ index, field: 'metricId', message: `关联统计指标“${x.metricId}”不存在` }]
      : [],
  );
}

/** A new edition of an indicator system (the first, or the next of the same name). */
export async function createEdition(ctx: Ctx, raw: unknown, metrics: MetricCatalogue) {
  authorize(ctx.actor, 'oversight:assessment:edit');
  const input = CreateEditionInput.parse(raw);
  const { problems, indicators } = checkEdition(input);
  problems.push(...metricProblems(indicators, metrics));
  const first = problems[0];
  if (first)
    throw invalid(
      'oversight.editionInvalid',
      first.message,
      first.index === null ? first.field : `indicators.${first.index}.${first.field}`,
      { problems },
    );
  return writeEdition(ctx, input, indicators, null);
}

async function writeEdition(
  ctx: Ctx,
  header: EditionHeader,
  indicators: readonly CheckedIndicator[],
  file: { name: string; sha256: string | null } | null,
) {
  const org = await issuerOrg(ctx, header.orgId);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx: Tx, audit) => {
    const row = {
      ...ownedBy(id, org),
      name: header.name,
      edition: await nextEdition(trx, 'oversight_assessment_edition', org.region_code, header.name),
      note: header.note,
      excellent_from: header.excellentFrom,
      good_from: header.goodFrom,
      pass_from: header.passFrom,
      indicator_count: indicators.filter((x) => x.leaf).length,
      source_file: file?.name ?? null,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    };
    await trx.insertInto('oversight_assessment_edition').values(row).execute();
    await trx
      .insertInto('oversight_assessment_indicator')
      .values(
        indicators.map((x, i) => ({
          id: newId(),
          edition_id: id,
          region_code: org.region_code,
          seq: i + 1,
          code: x.code,
          level: x.level,
          parent_code: x.parentCode,
          title: x.title,
          weight: x.weight,
          leaf: x.leaf,
          method: x.method,
          metric_id: x.metricId,
          rule: x.rule,
          target: x.target,
          evidence: x.evidence,
        })),
      )
      .execute();
    audit({
      action: file ? 'oversight.assessmentEdition.import' : 'oversight.assessmentEdition.create',
      entity: 'oversight_assessment_edition',
      entityId: id,
      orgId: org.id,
      regionCode: org.region_code,
      change: { after: row, indicators: indicators.length, ...(file ? { file } : {}) },
    });
  });
  return getEdition(ctx, id);
}

/** A stored indicator: a checked one with its row's id. */
export interface Indicator extends CheckedIndicator {
  id: string;
}

export async function loadIndicators(db: Ctx['db'], editionId: string): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('oversight_assessment_indicator')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    level: r.level,
    parentCode: r.parent_code,
    title: r.title,
    weight: Number(r.weight),
    leaf: r.leaf,
    method: r.method as IndicatorMethod | null,
    metricId: r.metric_id,
    rule: r.rule as ScoringRule | null,
    target: r.target === null ? null : Number(r.target),
    evidence: r.evidence,
  }));
}

/** GB/T 2260 codes nest: 532502 contains 532502001; 530000 contains 532502 (trailing zero pairs dropped). */
const regionPrefix = (code: string): string => code.replace(/(00)+$/, '');

/** An edition issued in the caller's region or a region above it (a township reads its county's). */
function regionReadable(ctx: Ctx, regionCode: string): boolean {
  if (ctx.scope.regionCodes.length === 0) return true;
  return ctx.scope.regionCodes.some((r) => r.startsWith(regionPrefix(regionCode)));
}

/** An edition is the region's reference data: readable in the region, changed as a new edition. */
export async function getEdition(ctx: Ctx, id: string) {
  const e = await ctx.db
    .selectFrom('oversight_assessment_edition')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!e || !regionReadable(ctx, e.region_code))
    throw notFound('oversight.editionNotFound', '考评指标体系不存在');
  return {
    id: e.id,
    name: e.name,
    edition: e.edition,
    note: e.note,
    excellentFrom: Number(e.excellent_from),
    goodFrom: Number(e.good_from),
    passFrom: Number(e.pass_from),
    indicatorCount: e.indicator_count,
    sourceFile: e.source_file,
    indicators: await loadIndicators(ctx.db, e.id),
  };
}

export async function listEditions(ctx: Ctx) {
  const q = ctx.db
    .selectFrom('oversight_assessment_edition')
    .select([
      'id',
      'region_code',
      'name',
      'edition',
      'indicator_count',
      'excellent_from',
      'good_from',
      'pass_from',
      'created_at',
    ])
    .orderBy('name')
    .orderBy('edition', 'desc');
  return (await q.execute())
    .filter((e) => regionReadable(ctx, e.region_code))
    .map((e) => ({
      id: e.id,
      name: e.name,
      edition: e.edition,
      indicatorCount: e.indicator_count,
      excellentFrom: Number(e.excellent_from),
      goodFrom: Number(e.good_from),
      passFrom: Number(e.pass_from),
      createdAt: e.created_at,
    }));
}

interface ReadRow {
  row: number;
  values: IndicatorRow;
}

/** Every data row of the file with its Excel row number (the edition checks need them for messages). */
async function readIndicatorRows(source: ImportSource, report: ImportReport): Promise<ReadRow[]> {
  const cols = looseColumns(indicatorColumns);
  const opened = await openRows(source, {});
  report.format = opened.format;
  const out: ReadRow[] = [];
  const add = (e: RowError) => {
    report.errorCount++;
    report.errors.push(e);
  };
  for await (const parsed of rowsUnderHeader(opened.rows, cols, report, add)) {
    for (const e of parsed.errors) add(e);
    if (parsed.errors.length === 0)
      out.push({ row: parsed.row, values: parsed.values as unknown as IndicatorRow });
  }
  return out;
}

/**
 * 导入考评指标体系: every row is read and checked — its cells, then the edition as a whole (codes
 * form a three-level tree, points add up, metric bindings exist); one problem anywhere writes
 * nothing and the report names each row and column. Otherwise the edition is written in one
 * transaction, with the file's SHA-256 in the audit entry.
 */
export async function importEdition(
  ctx: Ctx,
  source: ImportSource,
  rawHeader: unknown,
  metrics: MetricCatalogue,
  fileName?: string,
): Promise<{ report: ImportReport; edition?: Awaited<ReturnType<typeof getEdition>> }> {
  authorize(ctx.actor, 'oversight:assessment:edit');
  const header = EditionHeader.parse(rawHeader);
  const report = emptyReport('xlsx');
  const rows = await readIndicatorRows(source, report);
  if (report.errorCount > 0) return { report };
  const inputs: IndicatorInput[] = [];
  for (const { row, values: v } of rows) {
    const parsed = IndicatorInput.safeParse({
      code: v.code,
      title: v.title,
      weight: Number(v.weight),
      method: v.method ?? undefined,
      metricId: v.metricId,
      rule: v.rule ?? undefined,
      target: v.target === null ? null : Number(v.target),
      evidence: v.evidence ?? '',
    });
    if (parsed.success) inputs.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        report.errors.push({
          row,
          column: headerOfField[String(issue.path[0])] ?? '',
          message: issue.message,
        });
  }
  if (report.errors.length === 0) {
    const { problems, indicators } = checkEdition({ ...header, indicators: inputs });
    problems.push(...metricProblems(indicators, metrics));
    for (const p of problems)
      report.errors.push({
        row: p.index === null ? (report.headerRow ?? 1) : (rows[p.index]?.row ?? 0),
        column: p.index === null ? '' : (headerOfField[p.field] ?? ''),
        message: p.message,
      });
    if (problems.length === 0) {
      const sha256 = source instanceof Uint8Array ? createHash('sha256').update(source).digest('hex') : null;
      const edition = await writeEdition(ctx, header, indicators, {
        name: fileName ?? '考评指标体系.xlsx',
        sha256,
      });
      return { report: { ...report, ok: true, rowsWritten: rows.length }, edition };
    }
  }
  report.errorCount = report.errors.length;
  return { report };
}

/** The empty import template (the same columns as the export). */
export async function writeEditionTemplate(out: Writable): Promise<void> {
  await exportLedgerXlsx([], indicatorColumns, out, { sheetName: '考评指标体系' });
}

/** An edition's indicators in the import columns (export → edit → import as the next edition). */
export async function writeEditionXlsx(ctx: Ctx, id: string, out: Writable): Promise<void> {
  const e = await getEdition(ctx, id);
  await exportLedgerXlsx(
    e.indicators.map((x) => ({
      code: x.code,
      title: x.title,
      weight: x.weight.toFixed(1),
      method: x.method,
      metricId: x.metricId,
      rule: x.rule,
      target: x.target === null ? null : x.target.toFixed(2),
      evidence: x.evidence || null,
    })),
    indicatorColumns,
    out,
    { sheetName: '考评指标体系' },
  );
}
