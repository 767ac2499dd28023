import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import type { DatabaseHandle } from '../db/open.js';
import type { Database } from '../db/types.js';
import { exportLedgerXlsx } from './export.js';
import { importLedger } from './import.js';
import { buildCaseRow, buildCaseRows, type CaseRow, caseColumns, sink } from './test-fixtures.js';

/** What a service does: validate everything, then write every batch in one transaction. */
for (const engine of testEngines()) {
  describe(`all-or-nothing import into the database on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let db: Kysely<Database>;

    beforeAll(async () => {
      handle = await engine.open();
      db = handle.db;
      await sql`create table io_case (case_no text primary key, party text not null, decided_on date, amount numeric(14,2))`.execute(
        db,
      );
    });
    afterAll(async () => {
      await handle.close();
    });
    beforeEach(async () => {
      await sql`truncate io_case`.execute(db);
    });

    async function insertBatch(rows: CaseRow[], trx: Transaction<Database>): Promise<void> {
      const values = rows.map((r) => sql`(${r.caseNo}, ${r.party}, ${r.decidedOn}, ${r.amount})`);
      await sql`insert into io_case (case_no, party, decided_on, amount) values ${sql.join(values)}`.execute(
        trx,
      );
    }

    const count = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from io_case`.execute(db)).rows[0]?.n);

    async function xlsx(rows: Iterable<CaseRow>): Promise<Buffer> {
      const { out, bytes } = sink();
      await exportLedgerXlsx(rows, caseColumns, out);
      return bytes();
    }

    it('writes every row of a good file in one transaction, in batches', async () => {
      const file = await xlsx(buildCaseRows(2500));
      let batches = 0;
      const report = await importLedger(file, caseColumns, {
        batchSize: 1000,
        transaction: db.transaction(),
        onBatch: async (rows, trx) => {
          batches++;
          await insertBatch(rows, trx);
        },
      });
      expect(report).toMatchObject({ ok: true, rowsWritten: 2500 });
      expect(batches).toBe(3);
      expect(await count()).toBe(2500);
      const stored = await sql<{ decided_on: string; amount: string }>`
        select decided_on, amount from io_case where case_no = ${buildCaseRow(2).caseNo}`.execute(db);
      expect(stored.rows[0]).toEqual({
        decided_on: buildCaseRow(2).decidedOn,
        amount: buildCaseRow(2).amount,
      });
    });

    it('writes nothing when one row of many is bad, and never opens the transaction', async () => {
      const rows = [...buildCaseRows(2500)];
      rows[2400] = { ...buildCaseRow(2401), category: 'unknown' as CaseRow['category'] };
      let opened = false;
      const report = await importLedger(await xlsx(rows), caseColumns, {
        transaction: {
          execute: (write) => {
            opened = true;
            return db.transaction().execute(write);
          },
        },
        onBatch: insertBatch,
      });
      expect(opened).toBe(false);
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual([
        { row: 2402, column: '案件类别', message: '“unknown”不是可选值,应为:行政处罚、行政强制、行政检查' },
      ]);
      expect(await count()).toBe(0);
    });

    it('rolls back the batches already written when the file changes between validation and writing', async () => {
      const good = await xlsx(buildCaseRows(2500));
      const changed = await xlsx([...buildCaseRows(2499), { ...buildCaseRow(2500), party: '改过的当事人' }]);
      let opens = 0;
      let written = 0;
      const attempt = importLedger(
        () => {
          opens++;
          return (async function* () {
            yield opens === 1 ? good : changed;
          })();
        },
        caseColumns,
        {
          batchSize: 1000,
          transaction: db.transaction(),
          onBatch: async (rows, trx) => {
            await insertBatch(rows, trx);
            written += rows.length;
          },
        },
      );
      await expect(attempt).rejects.toMatchObject({ code: 'io.sourceChanged', kind: 'conflict' });
      expect(written).toBe(2500);
      expect(await count()).toBe(0);
    });

    it('rolls back when a batch fails in the database', async () => {
      const rows = [...buildCaseRows(1500)];
      // Unique in the file, but already in the table: the second batch fails on the key.
      await sql`insert into io_case (case_no, party) values (${buildCaseRow(1200).caseNo}, 'x')`.execute(db);
      const attempt = importLedger(await xlsx(rows), caseColumns, {
        batchSize: 1000,
        transaction: db.transaction(),
        onBatch: insertBatch,
      });
      await expect(attempt).rejects.toThrow(/duplicate key/);
      expect(await count()).toBe(1);
    });
  });
}
