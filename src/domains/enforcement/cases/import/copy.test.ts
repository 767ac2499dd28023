import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../../../platform/context.js';
import type { DatabaseHandle } from '../../../../platform/db/open.js';
import type { ImportStatus } from '../../../../platform/io/index.js';
import { appWithOrgs, loginAs, type Session } from '../../../../test/app.js';
import { testEngines } from '../../../../test/db.js';
import { importCases } from './import.js';
import { caseImportColumns } from './columns.js';
import { seedOfficers } from '../../officers/seed.js';
import { TODAY } from '../../test/fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NDJSON = 'application/x-ndjson';
const HEADERS = caseImportColumns.map((c) => c.header);
const BODY = '开远市市场监督管理局';

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政执法案件');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every count, the percentage and the time left only move forward, ending at the file's rows. */
function expectSteadyProgress(seen: ImportStatus[], rows: number) {
  expect(seen.length).toBeGreaterThan(2);
  for (const [i, s] of seen.entries()) {
    const prev = seen[i - 1];
    if (!prev) continue;
    expect(s.rowsRead, `step ${i}`).toBeGreaterThanOrEqual(prev.rowsRead);
    expect(s.rowsChecked, `step ${i}`).toBeGreaterThanOrEqual(prev.rowsChecked);
    expect(s.rowsWritten, `step ${i}`).toBeGreaterThanOrEqual(prev.rowsWritten);
    expect(s.percent, `step ${i}`).toBeGreaterThanOrEqual(prev.percent);
  }
  expect(seen.at(-1)).toMatchObject({
    rowsRead: rows,
    rowsChecked: rows,
    rowsWritten: rows,
    rowsTotal: rows,
    percent: 100,
    etaSeconds: 0,
  });
}

describe.each(testEngines())('case import by COPY, with progress, on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let admin: Session;
  let certs: string[];

  const row = (caseNo: string, party = '开远市某某商贸有限公司'): (string | number | null)[] => {
    const base: Record<string, string | number | null> = {
      案件编号: caseNo,
      执法类别: '行政处罚',
      执法主体: BODY,
      办案机构: BODY,
      程序: '普通程序',
      当事人类型: '法人或其他组织',
      当事人名称: party,
      违法事实或事项: '销售过期食品',
      承办人执法证号1: certs[0] ?? '',
      承办人执法证号2: certs[1] ?? '',
      立案日期: '2024-03-01',
      决定日期: '2024-05-10',
      送达日期: '2024-05-13',
      结案日期: '2024-06-20',
      处罚种类: '警告、罚款',
      '罚款金额(元)': 5000,
      是否重大: '否',
      是否经法制审核: '是',
    };
    return HEADERS.map((hd) => base[hd] ?? null);
  };
  const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => row(`${prefix}-${i + 1}`));
  const countCases = async (prefix: string) =>
    Number(
      (
        await h.db
          .selectFrom('enforcement_case')
          .select((e) => e.fn.countAll().as('n'))
          .where('case_no', 'like', `${prefix}-%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countActs = async (prefix: string) =>
    Number(
      (
        await h.db
          .selectFrom('enforcement_case_action as a')
          .innerJoin('enforcement_case as c', 'c.id', 'a.case_id')
          .select((e) => e.fn.countAll().as('n'))
          .where('c.case_no', 'like', `${prefix}-%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAudits = async () =>
    (
      await h.db
        .selectFrom('audit_log')
        .select('change')
        .where('action', '=', 'enforcement.case.import')
        .execute()
    ).length;
  const streamed = async (bytes: Buffer) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { ...admin.headers, 'content-type': XLSX, accept: NDJSON },
      payload: bytes,
    });
    const lines = r.body
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as { progress?: ImportStatus; imported?: number; problem?: Record<string, unknown> },
      );
    return { r, lines };
  };

  beforeAll(async () => {
    h = await engine.open();
    ({ app } = await appWithOrgs(h));
    await seedOfficers(systemCtx(h.db), TODAY);
    admin = await loginAs(app, 'admin');
    certs = (
      await h.db
        .selectFrom('enforcement_certificate as c')
        .innerJoin('enforcement_officer as o', 'o.id', 'c.officer_id')
        .innerJoin('enforcement_body as b', 'b.id', 'o.body_id')
        .select('c.number')
        .where('c.status', '=', 'valid')
        .where('c.issued_on', '<=', '2023-12-31')
        .where('c.valid_until', '>=', '2025-06-16')
        .where('b.name', '=', BODY)
        .orderBy('c.number')
        .execute()
    ).map((r) => r.number);
    expect(certs.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('reports rows read, checked and written, rising steadily to the row count, batch by batch', async () => {
    const seen: ImportStatus[] = [];
    const report = await importCases(systemCtx(h.db), await workbook(rows('PROG', 30)), {
      batchSize: 4,
      onProgress: (s) => seen.push(s),
    });
    expect(report).toMatchObject({ ok: true, rowsRead: 30, rowsWritten: 30 });
    expectSteadyProgress(seen, 30);
    // the write pass shows its batches, after every row was checked
    const writing = seen.filter((s) => s.phase === 'write').map((s) => s.rowsWritten);
    expect(writing).toEqual(expect.arrayContaining([4, 8, 28, 30]));
    expect(seen.filter((s) => s.phase === 'write').every((s) => s.rowsChecked === 30)).toBe(true);
    expect(await countCases('PROG')).toBe(30);
    // 立案 告知 提交审核 审核通过 决定 送达 执行完毕 结案
    expect(await countActs('PROG')).toBe(30 * 8);
  });

  it('streams the progress to the web page line by line, ending with the number imported', async () => {
    const { r, lines } = await streamed(await workbook(rows('WEB', 12)));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain(NDJSON);
    expect(lines.at(-1)).toEqual({ imported: 12 });
    const progress = lines.flatMap((l) => (l.progress ? [l.progress] : []));
    expect(progress.at(-1)).toMatchObject({ rowsRead: 12, rowsChecked: 12, rowsWritten: 12, percent: 100 });
    expect(await countCases('WEB')).toBe(12);
  });

  it('streams the problems of a bad file as the last line, and writes nothing', async () => {
    const bad = rows('BADWEB', 6);
    const sixth = bad[5];
    if (sixth) sixth[HEADERS.indexOf('立案日期')] = '2024-13-40';
    const { r, lines } = await streamed(await workbook(bad));
    expect(r.statusCode).toBe(200);
    const last = lines.at(-1);
    expect(last?.problem).toMatchObject({ status: 400, code: 'import.invalidRows', errorCount: 1 });
    expect(last?.problem?.errors).toEqual([expect.objectContaining({ row: 7, column: '立案日期' })]);
    expect(await countCases('BADWEB')).toBe(0);
  });

  it('asks for a login before it starts streaming', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { 'content-type': XLSX, accept: NDJSON },
      payload: await workbook(rows('ANON', 1)),
    });
    expect(r.statusCode).toBe(401);
  });

  it('all or nothing: when line 41 is refused while writing, the 36 rows already copied are undone too', async () => {
    const ctx: Ctx = systemCtx(h.db);
    const file = await workbook(rows('ATOM', 40));
    const interloper = await workbook([row('ATOM-40', '另一家公司')]);
    let opened = 0;
    const auditsBefore = await importAudits();
    // While the file is being read for the first time, someone else registers case ATOM-40
    // (the file's last row, line 41). Every row passes its checks; the database refuses the
    // last batch when it is copied, after nine batches are already in.
    const source = () =>
      (async function* () {
        opened++;
        if (opened === 1) {
          const r = await importCases(ctx, interloper);
          expect(r.ok).toBe(true);
        }
        yield new Uint8Array(file);
      })();
    const seen: ImportStatus[] = [];
    await expect(
      importCases(ctx, source, { batchSize: 4, onProgress: (s) => seen.push(s) }),
    ).rejects.toMatchObject({
      code: 'io.sourceChanged',
      kind: 'conflict',
      message: expect.stringContaining('未写入任何数据'),
    });
    expect(Math.max(...seen.map((s) => s.rowsWritten))).toBe(36);
    expect(await countCases('ATOM')).toBe(1); // the interloper's, none of the file's
    expect(await countActs('ATOM')).toBe(8);
    expect(await importAudits()).toBe(auditsBefore + 1);
    const kept = await h.db
      .selectFrom('enforcement_case')
      .select('party_name')
      .where('case_no', '=', 'ATOM-40')
      .execute();
    expect(kept).toEqual([{ party_name: '另一家公司' }]);
  });
});
