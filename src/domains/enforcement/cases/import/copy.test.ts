import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../../../platform/context.js';
import type { ImportStatus } from '../../../../platform/io/index.js';
import { testEngines } from '../../../../test/db.js';
import { importCases } from './import.js';
import { BODY, caseRow, HEADERS, importSetup, workbook, XLSX } from './test-fixtures.js';

const NDJSON = 'application/x-ndjson';

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
  const t = importSetup(engine, [BODY]);
  let certs: string[];

  const row = (caseNo: string, party = '开远市某某商贸有限公司') =>
    caseRow(BODY, certs, { 案件编号: caseNo, 当事人名称: party });
  const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => row(`${prefix}-${i + 1}`));
  const countCases = async (prefix: string) =>
    Number(
      (
        await t.h.db
          .selectFrom('enforcement_case')
          .select((e) => e.fn.countAll().as('n'))
          .where('case_no', 'like', `${prefix}-%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countActs = async (prefix: string) =>
    Number(
      (
        await t.h.db
          .selectFrom('enforcement_case_action as a')
          .innerJoin('enforcement_case as c', 'c.id', 'a.case_id')
          .select((e) => e.fn.countAll().as('n'))
          .where('c.case_no', 'like', `${prefix}-%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAudits = async () =>
    (
      await t.h.db
        .selectFrom('audit_log')
        .select('change')
        .where('action', '=', 'enforcement.case.import')
        .execute()
    ).length;
  const streamed = async (bytes: Buffer) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { ...t.admin.headers, 'content-type': XLSX, accept: NDJSON },
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

  beforeAll(() => {
    certs = t.certs.get(BODY) ?? [];
    expect(certs.length).toBeGreaterThanOrEqual(2);
  });

  it('reports rows read, checked and written, rising steadily to the row count, batch by batch', async () => {
    const seen: ImportStatus[] = [];
    const report = await importCases(systemCtx(t.h.db), await workbook(rows('PROG', 30)), {
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
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { 'content-type': XLSX, accept: NDJSON },
      payload: await workbook(rows('ANON', 1)),
    });
    expect(r.statusCode).toBe(401);
  });

  it('a number taken while the file is read is refused on its line, and the rows already copied are undone', async () => {
    const ctx: Ctx = systemCtx(t.h.db);
    const file = await workbook(rows('ATOM', 40));
    const interloper = await workbook([row('ATOM-40', '另一家公司')]);
    let opened = 0;
    const auditsBefore = await importAudits();
    // While the file is being read, someone else registers case ATOM-40 (the file's last row,
    // line 41). On PostgreSQL nine batches of four are copied while the rows are checked; the
    // numbers are looked up once the file has been read, and line 41's is taken.
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
    const report = await importCases(ctx, source, { batchSize: 4, onProgress: (s) => seen.push(s) });
    expect(report.ok).toBe(false);
    expect(report.rowsWritten).toBe(0);
    expect(report.errors).toEqual([
      { row: 41, column: '案件编号', message: '案件编号“ATOM-40”在本行政区域已存在' },
    ]);
    expect(Math.max(...seen.map((s) => s.rowsWritten))).toBe(0);
    expect(await countCases('ATOM')).toBe(1); // the interloper's, none of the file's
    expect(await countActs('ATOM')).toBe(8);
    expect(await importAudits()).toBe(auditsBefore + 1);
    const kept = await t.h.db
      .selectFrom('enforcement_case')
      .select('party_name')
      .where('case_no', '=', 'ATOM-40')
      .execute();
    expect(kept).toEqual([{ party_name: '另一家公司' }]);
  });

  // PostgreSQL only: the embedded engine has one session, so no other transaction can hold a row
  // while an import runs
  if (engine.name === 'postgres')
    it('all or nothing: a number taken after the lookup makes the last COPY fail, and the ten batches copied before it are undone', async () => {
      const ctx: Ctx = systemCtx(t.h.db);
      expect((await importCases(ctx, await workbook([row('RACESRC-1')]))).ok).toBe(true);
      const auditsBefore = await importAudits();
      // Another session inserts RACE-41 (line 42 of the file, the last row) and holds its
      // transaction open. Ten batches of four are copied while the file is checked; the last row
      // is copied only after the lookup of the file's numbers, which cannot see the uncommitted
      // row. That COPY waits on it and fails once it commits.
      const columns = (
        await sql<{ column_name: string }>`select column_name from information_schema.columns
          where table_name = 'enforcement_case' and table_schema = current_schema() and is_generated = 'NEVER'
          order by ordinal_position`.execute(t.h.db)
      ).rows.map((c) => c.column_name);
      const values = columns.map((c) =>
        c === 'id' ? sql`gen_random_uuid()` : c === 'case_no' ? sql`'RACE-41'` : sql.ref(c),
      );
      let commit = () => {};
      const held = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let inserted = () => {};
      const insertedYet = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const other = t.h.db.transaction().execute(async (trx) => {
        await sql`insert into enforcement_case (${sql.join(columns.map((c) => sql.ref(c)))})
          select ${sql.join(values)} from enforcement_case where case_no = 'RACESRC-1'`.execute(trx);
        inserted();
        await held;
      });
      await insertedYet;
      const importing = importCases(ctx, await workbook(rows('RACE', 41)), { batchSize: 4 });
      importing.catch(() => {}); // awaited below
      // the import's COPY is waiting on the other transaction's row
      for (let i = 0; ; i++) {
        const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike 'copy%'`.execute(
          t.h.db,
        );
        if (waiting.rows[0]?.n) break;
        if (i > 200) throw new Error('the import never waited on the held row');
        await new Promise((r) => setTimeout(r, 50));
      }
      commit();
      await other;
      await expect(importing).rejects.toMatchObject({
        code: 'io.sourceChanged',
        kind: 'conflict',
        message: expect.stringContaining('未写入任何数据'),
      });
      expect(await countCases('RACE')).toBe(1); // the other session's RACE-41, none of the file's
      expect(await importAudits()).toBe(auditsBefore);
    });
});
