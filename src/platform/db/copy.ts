import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { preparedName } from './prepared.js';
import { guardedQuery } from './read-guard.js';
import type { Executor } from './types.js';

/**
 * Bulk load by COPY on both engines, inside whatever transaction `db` is (so a COPY commits or
 * rolls back with the rest of a write use-case and its audit entry).
 *
 * Kysely hands a driver only (sql, parameters), so the rows travel as the one parameter of a
 * `copy … from stdin` statement, wrapped in `CopyData`; each engine's connection recognises it:
 * - PostgreSQL: `CopyClient` (the pool's client class) runs the statement as COPY FROM STDIN
 *   through node-postgres' own protocol messages (`sendCopyFromChunk` / `endCopyFrom`);
 * - PGlite: the worker runs `copy … from '/dev/blob'` with the bytes as the query's `blob`.
 */
export class CopyData {
  constructor(readonly chunks: readonly Uint8Array[]) {}
  get byteLength(): number {
    return this.chunks.reduce((n, c) => n + c.byteLength, 0);
  }
}

export type CopyValue = string | number | boolean | null | readonly (string | null)[];

const ident = (name: string) => {
  // table and column names come from code, never from input; refuse anything else outright
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`不合法的表名或列名 ${name}`);
  return name;
};

/** Escapes a value for COPY's text format: backslash, tab, newline and carriage return. */
function escapeText(s: string): string {
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** A PostgreSQL array literal, every element quoted (so commas, braces and quotes are data). */
function arrayLiteral(items: readonly (string | null)[]): string {
  return `{${items.map((v) => (v === null ? 'NULL' : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function field(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeText(v);
  return escapeText(arrayLiteral(v));
}

/** Rows of one table in COPY text format, buffered as UTF-8 chunks of about 1 MB. */
export class CopyRows {
  private readonly chunks: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  rowCount = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {
    ident(table);
    for (const c of columns) ident(c);
  }
  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: ${values.length} 个值对应 ${this.columns.length} 列`);
    const line = `${values.map(field).join('\t')}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    this.rowCount++;
    if (this.pendingLength >= 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }
  /** The same rows bound for another table of the same columns (e.g. a scratch copy). */
  renamed(table: string): CopyRows {
    this.flush();
    const other = new CopyRows(table, this.columns);
    other.chunks.push(...this.chunks);
    other.rowCount = this.rowCount;
    return other;
  }
  /** The rows so far as one COPY payload; the builder starts empty again. */
  take(): CopyData {
    this.flush();
    const data = new CopyData(this.chunks.splice(0));
    this.rowCount = 0;
    return data;
  }
}

/**
 * COPYs the rows into their table in `db`'s transaction; answers the number of rows loaded (a
 * COPY loads every row or fails as a whole, and Kysely reports no row count for COPY).
 */
export async function copyInto(db: Executor, rows: CopyRows): Promise<number> {
  const n = rows.rowCount;
  if (n === 0) return 0;
  await copyPayload(db, rows.table, rows.columns, rows.take());
  return n;
}

/** COPYs a payload already in COPY text format (e.g. read back from a `CopySpool`). */
export async function copyPayload(
  db: Executor,
  table: string,
  columns: readonly string[],
  data: CopyData,
): Promise<void> {
  const statement = `copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`;
  await db.executeQuery(CompiledQuery.raw(statement, [data]));
}

/** The statement with its source changed from STDIN to PGlite's `/dev/blob` device. */
export function copyFromBlob(statement: string): string {
  if (!/ from stdin$/.test(statement)) throw new Error('COPY 语句必须以 from stdin 结尾');
  return `${statement.slice(0, -' from stdin'.length)} from '/dev/blob'`;
}

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Uint8Array): void;
  endCopyFrom(): void;
}

type Done = (err: Error | null, result?: { command: string; rowCount: number; rows: never[] }) => void;

/**
 * One COPY FROM STDIN as a node-postgres "submittable" (the driver's documented extension point
 * for queries it does not build itself): sends the statement, answers CopyInResponse with the
 * data, and reports the row count of CommandComplete once the server is ready again.
 */
class CopyFromStdin {
  private rowCount = 0;
  private finished = false;
  constructor(
    readonly text: string,
    private readonly data: CopyData,
    private readonly done: Done,
  ) {}
  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    for (const chunk of this.data.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    const n = /^COPY (\d+)/.exec(msg.text ?? '');
    this.rowCount = n ? Number(n[1]) : 0;
  }
  handleReadyForQuery(): void {
    this.finish(null);
  }
  // the server answers an error, then ReadyForQuery without calling us again (client.js)
  handleError(err: Error): void {
    this.finish(err);
  }
  private finish(err: Error | null): void {
    if (this.finished) return;
    this.finished = true;
    if (err) this.done(err);
    else this.done(null, { command: 'COPY', rowCount: this.rowCount, rows: [] });
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * node-postgres' Client that also runs `copy … from stdin` with a `CopyData` parameter, and sends
 * a statement marked `prepared` (prepared.ts) under its name.
 */
export class CopyClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is a dozen overloads; forwarded unchanged
  override query(config: any, values?: any, callback?: any): any {
    const data: unknown = Array.isArray(values) ? values[0] : undefined;
    if (typeof config === 'string' && data instanceof CopyData) {
      return new Promise((resolve, reject) => {
        super.query(new CopyFromStdin(config, data, (err, result) => (err ? reject(err) : resolve(result))));
      });
    }
    if (this.guarded && typeof config === 'string' && callback === undefined) {
      const answer = guardedQuery(this, config, values);
      if (answer) return answer;
    }
    return this.rawQuery(config, values, callback);
  }

  /** query() without the read guard (read-guard.ts drives the client through it). */
  // biome-ignore lint/suspicious/noExplicitAny: as query()
  rawQuery(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' ? preparedName(config) : undefined;
    if (name) return super.query({ name, text: config, values }, callback);
    return super.query(config, values, callback);
  }

  /** Set on the primary's pool only: a replica's answer cannot vouch for a session (it may lag). */
  protected get guarded(): boolean {
    return false;
  }
}

/** The primary's client: a request's read guard (read-guard.ts) rides on its statements. */
export class GuardedClient extends CopyClient {
  protected override get guarded(): boolean {
    return true;
  }
}
