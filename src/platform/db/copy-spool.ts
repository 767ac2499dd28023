import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CopyData, type CopyRows, copyPayload } from './copy.js';
import type { Executor } from './types.js';

interface Part {
  table: string;
  columns: readonly string[];
  start: number;
  length: number;
}

/**
 * COPY payloads prepared while a file is being checked, kept in a temporary file (not in
 * memory) until the check has passed; then written batch by batch, each batch's tables in the
 * order given (parents before the rows that reference them). So the file is read and its rows
 * derived once, and the transaction is only open while the database loads them.
 */
export class CopySpool {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-copy-'));
  private readonly fd = fs.openSync(path.join(this.dir, 'rows.copy'), 'w+');
  private offset = 0;
  private readonly batches: { parts: Part[]; rows: number }[] = [];

  /** Moves the rows of each builder into the spool as one batch of `rows` records. */
  append(builders: readonly CopyRows[], rows: number): void {
    const parts = builders.map((b) => {
      const start = this.offset;
      for (const chunk of b.take().chunks) {
        fs.writeSync(this.fd, chunk, 0, chunk.byteLength, this.offset);
        this.offset += chunk.byteLength;
      }
      return { table: b.table, columns: b.columns, start, length: this.offset - start };
    });
    this.batches.push({ parts, rows });
  }

  get rows(): number {
    return this.batches.reduce((n, b) => n + b.rows, 0);
  }

  /** COPYs every batch in `db` (the caller's transaction); `onBatch` after each with its records. */
  async copyAll(db: Executor, onBatch: (rows: number) => void = () => {}): Promise<void> {
    for (const batch of this.batches) {
      for (const part of batch.parts) {
        if (part.length === 0) continue;
        const buf = Buffer.alloc(part.length);
        fs.readSync(this.fd, buf, 0, part.length, part.start);
        await copyPayload(db, part.table, part.columns, new CopyData([buf]));
      }
      onBatch(batch.rows);
    }
  }

  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
