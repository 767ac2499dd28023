import type { PassThrough, Writable } from 'node:stream';
import { loadWorkCalendar, type WorkCalendar } from '../../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../../platform/context.js';
import type { CopyRows } from '../../../../platform/db/copy.js';
import { CopySpool } from '../../../../platform/db/copy-spool.js';
import { copyPayload } from '../../../../platform/db/copy.js';
import { hasConnectionPool } from '../../../../platform/db/open.js';
import { newId, writeTx } from '../../../../platform/db/tx.js';
import type { Executor, Tx } from '../../../../platform/db/types.js';
import type { AuditInput } from '../../../../platform/audit/audit.js';
import { conflict, DomainError } from '../../../../platform/errors.js';
import {
  addRowErrors,
  exportErrorReport,
  exportLedgerXlsx,
  ImportMeter,
  type ImportProgress,
  type ImportReport,
  type ImportSource,
  type ImportStatus,
  validateLedger,
} from '../../../../platform/io/index.js';
import { listOrgs } from '../../../org/org-store.js';
import { authorize } from '../../../org/policy.js';
import type { HandlerRecord } from '../checks.js';
import { type CaseImportRow, caseImportColumns } from './columns.js';
import { checkHistoricalRow, historicalLog, type RowProblem } from './rules.js';
import {
  actionCopyRows,
  caseCopyRows,
  type ImportBody,
  importBodies,
  importOfficers,
  importPowerItems,
  takenCaseNumbers,
} from './store.js';
import { projectCase } from '../projection.js';
import { DEFAULT_MAJOR_THRESHOLDS } from '../rules.js';
import type { CaseFilter } from '../store.js';
import { loadThresholds } from '../store.js';
import type { MajorThresholds, PartyKind } from '../schema.js';
import { startWriting } from '../../../../platform/http/files.js';
import { exportCaseRows } from './store.js';
import { certificateValidOn } from '../../officers/rules.js';

/** What every row is checked against, loaded once per import. */
interface ImportEnv {
  today: string;
  calendar: WorkCalendar;
  thresholds: Map<string, MajorThresholds>;
  bodies: Map<string, ImportBody>;
  /** visible orgs by name, with their tree path */
  orgs: Map<string, { id: string; path: string }>;
  officers: Map<string, HandlerRecord>;
  byCertificate: Map<string, string>;
  powerItems: Map<string, { id: string; orgId: string }>;
  /**
   * The file's case numbers by region, each with its row (filled by the check pass, looked up
   * after it: `refuseTakenNumbers`). Bounded by the file, not by the cases already recorded.
   */
  numbers: Map<string, Map<string, number>>;
}

async function loadImportEnv(ctx: Ctx): Promise<ImportEnv> {
  const bodies = await importBodies(ctx.db, ctx.scope);
  const regions = [...new Set(bodies.map((b) => b.regionCode))];
  const { officers, byCertificate } = await importOfficers(
    ctx.db,
    bodies.map((b) => b.id),
  );
  const thresholds = new Map<string, MajorThresholds>();
  for (const r of regions) thresholds.set(r, await loadThresholds(ctx.db, r, DEFAULT_MAJOR_THRESHOLDS));
  return {
    today: chinaDate(ctx.now()),
    calendar: await loadWorkCalendar(ctx.db),
    thresholds,
    bodies: new Map(bodies.map((b) => [b.name, b])),
    orgs: new Map(
      (await listOrgs(ctx.db, ctx.scope, {})).items.map((o) => [o.name, { id: o.id, path: o.path }]),
    ),
    officers,
    byCertificate,
    powerItems: await importPowerItems(ctx.db, regions),
    numbers: new Map(),
  };
}

/**
 * Remembers a row's case number for the lookup after the check pass. A copy of the text is kept:
 * a cell's text is a slice of the chunk it was decoded from, and would keep the whole chunk.
 */
function noteNumber(env: ImportEnv, regionCode: string, caseNo: string, rowNumber: number): void {
  const inRegion = env.numbers.get(regionCode) ?? new Map<string, number>();
  env.numbers.set(regionCode, inRegion);
  inRegion.set(Buffer.from(caseNo, 'utf8').toString('utf8'), rowNumber);
}

/**
 * After the check pass: the file's case numbers already used in their region (the number is
 * unique in a region), as row errors on their lines. Read on `db` outside any import transaction
 * — on PostgreSQL a batch already copied with a taken number has aborted that transaction.
 */
async function refuseTakenNumbers(
  db: Executor,
  env: ImportEnv,
  source: ImportSource,
  report: ImportReport,
): Promise<void> {
  const pairs = [...env.numbers].flatMap(([regionCode, inRegion]) =>
    [...inRegion.keys()].map((caseNo) => ({ regionCode, caseNo })),
  );
  const taken = await takenCaseNumbers(db, pairs);
  await addRowErrors(
    source,
    caseImportColumns,
    report,
    taken.map((t) => ({
      row: env.numbers.get(t.regionCode)?.get(t.caseNo) ?? 0,
      column: 'caseNo',
      message: `案件编号“${t.caseNo}”在本行政区域已存在`,
    })),
  );
}

/** A row that passed its own checks, resolved against the database. */
interface Resolved {
  body: ImportBody;
  orgId: string;
  handlerIds: [string, string];
  powerItemId: string | null;
}

function resolve(
  env: ImportEnv,
  row: CaseImportRow,
  rowNumber: number,
  out: RowProblem[],
): Resolved | undefined {
  const body = env.bodies.get(row.bodyName);
  if (!body) {
    out.push({ column: 'bodyName', message: `执法主体“${row.bodyName}”不存在、已停用或不在您的权限范围内` });
    return undefined;
  }
  const org = env.orgs.get(row.orgName);
  if (!org) out.push({ column: 'orgName', message: `办案机构“${row.orgName}”不存在或不在您的权限范围内` });
  else if (!org.path.includes(`${body.orgId}/`))
    out.push({ column: 'orgName', message: `办案机构“${row.orgName}”不属于执法主体“${body.name}”` });
  noteNumber(env, body.regionCode, row.caseNo, rowNumber);
  const handlers: string[] = [];
  for (const key of ['certificate1', 'certificate2'] as const) {
    const number = row[key];
    const id = env.byCertificate.get(number);
    const officer = id ? env.officers.get(id) : undefined;
    if (!officer || officer.bodyId !== body.id) {
      out.push({ column: key, message: `执法证号“${number}”不是执法主体“${body.name}”执法人员的证件` });
      continue;
    }
    handlers.push(officer.id);
    const cert = officer.certificates.find((c) => c.number === number);
    // 处罚法 art. 42: the certificate was valid on the day of 立案 and of 决定 (an officer retired
    // since then still counts: history is judged by the day of the act)
    for (const date of [row.openedOn, row.decidedOn]) {
      if (date && !certificateValidOn(cert, date)) {
        out.push({
          column: key,
          message: `执法人员${officer.name}的执法证 ${number} 在 ${date} 无效(《中华人民共和国行政处罚法》第四十二条)`,
        });
        break;
      }
    }
  }
  let powerItemId: string | null = null;
  if (row.powerItemCode) {
    const item = env.powerItems.get(`${body.regionCode}/${row.powerItemCode}`);
    if (!item || item.orgId !== body.orgId)
      out.push({
        column: 'powerItemCode',
        message: `权力事项编码“${row.powerItemCode}”不是执法主体“${body.name}”的事项`,
      });
    else powerItemId = item.id;
  }
  const [h1, h2] = handlers;
  if (!org || !h1 || !h2 || out.length > 0) return undefined;
  return { body, orgId: org.id, handlerIds: [h1, h2], powerItemId };
}

/** The log and projected ledger columns of a row, by the same projection as a live case. */
function project(env: ImportEnv, row: CaseImportRow, actorId: string | null, regionCode: string) {
  const h = historicalLog(row, actorId);
  const facts = {
    procedure: h.procedure,
    partyKind: row.partyKind as PartyKind,
    openedOn: h.log[0]?.date ?? row.openedOn,
    majorReason: row.major ? '原系统标注为重大执法决定' : null,
  };
  const projection = projectCase(
    facts,
    h.log,
    env.calendar,
    env.thresholds.get(regionCode) ?? DEFAULT_MAJOR_THRESHOLDS,
  );
  return { ...h, facts, projection };
}

type Projected = ReturnType<typeof project>;

/**
 * The checks of one row; a row that passes them is handed to `valid` with what it resolved to
 * and its derived log and ledger columns (derived once, here, and written as derived).
 */
function checkRow(
  env: ImportEnv,
  actorId: string | null,
  valid: (row: CaseImportRow, r: Resolved, p: Projected) => void = () => {},
) {
  return (row: CaseImportRow, rowNumber: number): RowProblem[] => {
    const out = checkHistoricalRow(row, env.today);
    if (out.length > 0) return out;
    const r = resolve(env, row, rowNumber, out);
    if (!r) return out;
    let p: Projected;
    try {
      p = project(env, row, actorId, r.body.regionCode);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ column: '', message: e.message });
      return out;
    }
    valid(row, r, p);
    return out;
  };
}

/** A checked row as COPY rows: the case (CASE_COPY_COLUMNS order) and its acts (ACTION_COPY_COLUMNS). */
function addCopyRows(
  cases: CopyRows,
  acts: CopyRows,
  row: CaseImportRow,
  r: Resolved,
  p: Projected,
  actor: { id: string | null; name: string },
): void {
  const id = newId();
  const region = r.body.regionCode;
  const code = row.partyCode?.toUpperCase() ?? null;
  cases.add([
    id,
    region,
    r.orgId,
    r.body.id,
    r.powerItemId,
    row.caseNo,
    row.category,
    p.procedure,
    row.partyKind,
    row.partyName,
    row.partyKind === 'person' ? code : null,
    row.partyKind === 'organisation' ? code : null,
    row.facts,
    r.handlerIds,
    p.facts.majorReason,
    p.projection.status,
    p.facts.openedOn,
    p.projection.decided_on,
    p.projection.closed_on,
    p.projection.penalties,
    p.projection.amount === null ? null : p.projection.amount.toFixed(2),
    p.projection.is_major,
    p.projection.reviewed,
    p.projection.next_due_kind,
    p.projection.next_due_on,
    p.projection.action_count,
    p.projection.outcome,
    actor.id,
    actor.id,
  ]);
  p.log.forEach((act, i) => {
    acts.add([
      newId(),
      id,
      region,
      p.facts.openedOn,
      r.orgId,
      i + 1,
      act.action,
      act.date,
      JSON.stringify(act.data),
      act.actorId,
      act.actorId ? actor.name : '',
    ]);
  });
}

export interface CaseImportOptions {
  fileName?: string;
  /** Rows read, checked and written, a percentage and the time left (throttle it for display). */
  onProgress?: (s: ImportStatus) => void;
  /** cases per COPY batch (one COPY of the cases, one of their acts). Default 5,000. */
  batchSize?: number;
}

/**
 * 历史案件导入: every row is checked first (its dates, codes, scope, officers' certificates, the
 * case number); one bad row writes nothing. While it is checked, each good row's case and action
 * log are derived exactly as for a live case (`projectCase`) and spooled to a temporary file in
 * COPY format; once the whole file has passed, the spool is written by COPY in one transaction
 * with one audit entry naming the file's SHA-256 and the row count. No 公示 record is created:
 * historical decisions were published (or not) by the old system.
 */
export async function importCases(
  ctx: Ctx,
  source: ImportSource,
  options: CaseImportOptions = {},
): Promise<ImportReport> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const env = await loadImportEnv(ctx);
  const actorId = ctx.actor.userId;
  const actor = { id: actorId, name: ctx.actor.displayName };
  const batchSize = options.batchSize ?? 5000;
  const meter = new ImportMeter();
  const progress = (p: ImportProgress) => options.onProgress?.(meter.update(p));
  const copyAlong = hasConnectionPool(ctx.db);
  const spool = copyAlong ? null : new CopySpool();
  try {
    const write = async (trx: Tx, audit: (e: AuditInput) => void) => {
      const total = report.rowsRead;
      let written = 0;
      const wrote = (n: number) => {
        written += n;
        progress({
          phase: 'write',
          rowsRead: total,
          rowsWritten: written,
          rowsTotal: total,
          bytesRead: 0,
          bytesTotal: null,
        });
      };
      if (spool) await spool.copyAll(trx, wrote);
      else for (const b of copied) wrote(await b);
      // every row read was checked and copied once; anything else is a defect, never half a file
      if (written !== total) throw new Error(`导入行数不一致:读取 ${total} 行,写入 ${written} 行`);
      audit({
        action: 'enforcement.case.import',
        entity: 'enforcement_case',
        regionCode,
        change: { file: options.fileName ?? null, sha256: digest, rows: written },
      });
    };
    let regionCode: string | null = null;
    let digest = '';
    let report = {} as ImportReport;
    const cases = caseCopyRows();
    const acts = actionCopyRows();
    // on PostgreSQL each batch is COPYed in the import's transaction while the next rows are
    // checked (the database works on its own core); a bad row stops the copying and the
    // transaction is rolled back. The embedded engine, whose one session every request shares,
    // spools the batches and COPYs them in a short transaction once the whole file has passed.
    const copied: Promise<number>[] = [];
    let bad = false;
    let trx: Tx | undefined;
    const batch = () => {
      const n = cases.rowCount;
      if (n === 0) return;
      if (spool) return spool.append([cases, acts], n);
      const parts = [cases, acts].map((b) => ({ table: b.table, columns: b.columns, data: b.take() }));
      if (bad || !trx) return;
      const tx = trx;
      const previous = copied.at(-1) ?? Promise.resolve(0);
      const next = previous.then(async () => {
        for (const p of parts) await copyPayload(tx, p.table, p.columns, p.data);
        return n;
      });
      next.catch(() => {}); // awaited in order after the check; a refusal surfaces there
      copied.push(next);
    };
    const check = async () => {
      const checkOne = checkRow(env, actorId, (row, r, p) => {
        regionCode ??= r.body.regionCode;
        addCopyRows(cases, acts, row, r, p, actor);
        if (cases.rowCount >= batchSize) batch();
      });
      ({ digest, ...report } = await validateLedger(source, caseImportColumns, {
        checkRow: (row, rowNumber) => {
          const out = checkOne(row, rowNumber);
          if (out.length > 0) bad = true;
          return out;
        },
        onProgress: progress,
      }));
      await refuseTakenNumbers(ctx.db, env, source, report);
      if (report.ok) batch();
    };
    if (spool) {
      await check();
      if (!report.ok) return report;
      await writeTx(ctx.db, ctx.actor, write);
    } else {
      try {
        await writeTx(ctx.db, ctx.actor, async (t, audit) => {
          trx = t;
          // no COPY may still be running when the transaction is rolled back
          const settle = () => {
            bad = true;
            return Promise.allSettled(copied);
          };
          try {
            await check();
          } catch (e) {
            await settle();
            throw e;
          }
          if (!report.ok) {
            await settle();
            throw new Refused();
          }
          await write(t, audit);
        });
      } catch (err) {
        if (!(err instanceof Refused)) throw err;
        return report;
      }
    }
    return { ...report, rowsWritten: report.rowsRead };
  } catch (err) {
    // the numbers were free when checked: another import or a new case took one meanwhile
    if (err instanceof DomainError && err.code === 'db.duplicate')
      throw conflict(
        'io.sourceChanged',
        '导入过程中有案件编号已被他人登记,已全部撤销,未写入任何数据:请重新导入',
        { field: 'file' },
      );
    throw err;
  } finally {
    spool?.close();
  }
}

/** A file with bad rows: the import's transaction is rolled back, the report answered. */
class Refused extends Error {}

/** Checks a file without writing; the report lists every bad row (for the error-report .xlsx). */
export async function checkCasesFile(ctx: Ctx, source: ImportSource): Promise<ImportReport> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const env = await loadImportEnv(ctx);
  const { digest: _digest, ...report } = await validateLedger(source, caseImportColumns, {
    checkRow: checkRow(env, ctx.actor.userId),
  });
  await refuseTakenNumbers(ctx.db, env, source, report);
  return report;
}

/** The bad rows of a checked file as .xlsx with a 错误说明 column: fix them and import again. */
export async function writeCaseErrorReport(report: ImportReport, out: Writable): Promise<void> {
  await exportErrorReport(report, caseImportColumns, out, { sheetName: '历史案件错误数据' });
}

/** The empty import template (the same columns as the export). */
export async function writeCaseTemplate(out: Writable): Promise<void> {
  await exportLedgerXlsx([], caseImportColumns, out, { sheetName: '行政执法案件' });
}

/** Up to 100,000 cases of the filtered ledger in the import columns (export → edit → import). */
export async function exportCases(ctx: Ctx, filter: CaseFilter): Promise<PassThrough> {
  authorize(ctx.actor, 'enforcement:case:list');
  const rows = await exportCaseRows(ctx.db, ctx.scope, filter, 100_000);
  const items: CaseImportRow[] = rows.map((r) => ({
    caseNo: r.case_no,
    category: r.category,
    bodyName: r.body_name,
    orgName: r.org_name,
    procedure: r.procedure,
    partyKind: r.party_kind,
    partyName: r.party_name,
    partyCode: r.party_uscc ?? r.party_id_number,
    facts: r.facts,
    powerItemCode: r.power_item_code,
    certificate1: r.certificates[0] ?? '',
    certificate2: r.certificates[1] ?? '',
    openedOn: r.opened_on,
    decidedOn: r.decided_on,
    servedOn: r.served_on,
    closedOn: r.closed_on ?? '',
    penalties: r.penalties.length > 0 ? (r.penalties as CaseImportRow['penalties']) : null,
    amount: r.amount,
    major: r.is_major,
    reviewed: r.reviewed,
    decisionNo: r.decision_no,
  }));
  return startWriting((out) =>
    exportLedgerXlsx(items, caseImportColumns, out, { sheetName: '行政执法案件' }),
  );
}
