import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportLedgerXlsx } from './export.js';
import { validateLedger } from './import.js';
import { spoolToTempFile } from './spool.js';
import { buildCaseRows, caseColumns, sink } from './test-fixtures.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-spool-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('spoolToTempFile', () => {
  it('turns a one-shot upload stream into a file an import can read twice', async () => {
    const { out, bytes } = sink();
    await exportLedgerXlsx(buildCaseRows(300), caseColumns, out);
    const upload = bytes();
    const spooled = await spoolToTempFile(Readable.from([upload.subarray(0, 1000), upload.subarray(1000)]), {
      dir,
    });
    expect(spooled.size).toBe(upload.length);
    expect(spooled.sha256).toBe(createHash('sha256').update(upload).digest('hex'));
    const report = await validateLedger(spooled.path, caseColumns);
    expect(report).toMatchObject({ ok: true, rowsRead: 300, digest: spooled.sha256 });
    await spooled.cleanup();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stops an upload past the limit and removes what it wrote', async () => {
    const upload = Readable.from([Buffer.alloc(700), Buffer.alloc(700)]);
    await expect(spoolToTempFile(upload, { dir, maxBytes: 1024 })).rejects.toMatchObject({
      code: 'io.tooLarge',
      kind: 'tooLarge',
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
