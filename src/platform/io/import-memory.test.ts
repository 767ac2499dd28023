import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLedgerXlsx } from './export.js';
import { importLedger, validateLedger } from './import.js';
import { buildCaseRows, caseColumns } from './test-fixtures.js';

/**
 * RULES §5: other systems run out of memory importing 400k-row files because they load the
 * workbook whole. Here the heap that survives a full GC must not grow with the rows read.
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const retainedHeap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const ROWS = 100_000;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-io-mem-'));
  file = path.join(dir, 'cases.xlsx');
  await exportLedgerXlsx(buildCaseRows(ROWS), caseColumns, fs.createWriteStream(file));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The fixture's columns without `unique`, whose check keeps one digest per row by design. */
const streamingColumns = caseColumns.map((c) => ({ ...c, unique: false })) as unknown as typeof caseColumns;

describe('streaming import of 100,000 rows', () => {
  it('keeps the retained heap flat while reading, far below the size of the file', async () => {
    const fileSize = fs.statSync(file).size;
    const samples: Record<string, number> = {};
    let batchRows = 0;
    let lastRow = '';
    const report = await importLedger(file, streamingColumns, {
      batchSize: 1000,
      progressEvery: 10_000,
      onProgress: ({ phase, rowsRead }) => {
        if (rowsRead === 10_000 || rowsRead === 90_000) samples[`${phase}:${rowsRead}`] = retainedHeap();
      },
      onBatch: (rows) => {
        // A service writes and drops each batch; nothing here keeps the rows.
        batchRows += rows.length;
        lastRow = rows[rows.length - 1]?.caseNo ?? '';
      },
    });

    expect(report).toMatchObject({ ok: true, rowsRead: ROWS, rowsWritten: ROWS, errorCount: 0 });
    expect(batchRows).toBe(ROWS);
    expect(lastRow).toBe('ZF-2020-100000');

    for (const phase of ['validate', 'write']) {
      const early = samples[`${phase}:10000`];
      const late = samples[`${phase}:90000`];
      expect(early).toBeTypeOf('number');
      expect(late).toBeTypeOf('number');
      const growth = (late ?? 0) - (early ?? 0);
      // 80,000 more rows read. Holding them, or the sheet XML, would take many times the size
      // of the compressed file; a streaming reader stays level.
      expect(
        growth,
        `${phase}: heap grew ${growth} bytes over 80,000 rows (file ${fileSize} bytes)`,
      ).toBeLessThan(fileSize / 4);
    }
  }, 300_000);

  it('checks a unique column with a small digest per row, not the cell text and the chunk it came from', async () => {
    const samples: number[] = [];
    const report = await validateLedger(file, caseColumns, {
      progressEvery: 10_000,
      onProgress: ({ rowsRead }) => {
        if (rowsRead === 10_000 || rowsRead === 90_000) samples.push(retainedHeap());
      },
    });
    expect(report.ok).toBe(true);
    const [early, late] = samples;
    const perRow = ((late ?? 0) - (early ?? 0)) / 80_000;
    // Keeping each case number's text kept its 16 KB decoded chunk too: ~800 bytes per row.
    expect(perRow).toBeLessThan(120);
  }, 300_000);
});
