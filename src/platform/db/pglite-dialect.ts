import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { CopyData, copyFromBlob } from './copy.js';

interface WorkerReply {
  id: number;
  result?: unknown;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

/** Error shaped like node-postgres' DatabaseError, so callers handle both engines alike. */
export class EngineError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
}

/**
 * A PGlite instance in a worker thread. One query at a time (PGlite is single-session);
 * callers queue in order, so latency under load is the queue length times the query time.
 */
export class PGliteWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(options: { dataDir?: string; loadDataDir?: ArrayBuffer }) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: options,
      ...(options.loadDataDir ? { transferList: [options.loadDataDir] } : {}),
    });
    this.worker.on('message', (msg: WorkerReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) {
        const e = new EngineError(msg.error.message);
        Object.assign(e, msg.error);
        p.reject(e);
      } else p.resolve(msg.result);
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  private call<T>(op: string, extra: Record<string, unknown> = {}, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('数据库已关闭'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...extra }, transfer);
    });
  }

  /** Requests sent to the worker and not yet answered (the engine's queue; /metrics). */
  get queued(): number {
    return this.pending.size;
  }

  init(): Promise<void> {
    return this.call('init');
  }
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows: number }> {
    return this.call('query', { sql, params });
  }
  /** `copy … from '/dev/blob'` reading `data` (transferred to the worker, not copied). */
  copy(sql: string, data: Uint8Array): Promise<{ rows: unknown[]; affectedRows: number }> {
    const buffer = data.buffer as ArrayBuffer;
    return this.call('copy', { sql, blob: buffer }, [buffer]);
  }
  /** Multi-statement SQL through the simple-query protocol (migrations, restore). */
  exec(sql: string): Promise<{ rows: unknown[]; affectedRows: number }> {
    return this.call('exec', { sql });
  }
  /** A tarball of the whole data folder (used for cheap per-test-file database copies). */
  dump(): Promise<ArrayBuffer> {
    return this.call('dump');
  }
  async close(): Promise<void> {
    if (this.closed) return;
    await this.call('close');
    this.closed = true;
    await this.worker.terminate();
  }
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void; // assigned synchronously by the Promise executor below
    const next = new Promise<void>((r) => {
      release = r;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

/** One fresh buffer holding the chunks (it is handed over to the worker thread). */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGliteWorker) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const [first] = compiled.parameters;
    const r =
      first instanceof CopyData
        ? await this.pg.copy(copyFromBlob(compiled.sql), concat(first.chunks))
        : compiled.parameters.length === 0 && compiled.sql.includes(';')
          ? await this.pg.exec(compiled.sql)
          : await this.pg.query(compiled.sql, compiled.parameters);
    return { rows: r.rows as R[], numAffectedRows: BigInt(r.affectedRows) };
  }
  // biome-ignore lint/correctness/useYield: streaming is not supported on the embedded engine
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite 不支持流式查询');
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly connection: PGliteConnection;
  private releasers = new WeakMap<DatabaseConnection, () => void>();
  constructor(private readonly pg: PGliteWorker) {
    this.connection = new PGliteConnection(pg);
  }
  async init(): Promise<void> {
    await this.pg.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    this.releasers.set(this.connection, release);
    return this.connection;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    const release = this.releasers.get(conn);
    this.releasers.delete(conn);
    release?.();
  }
  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteWorkerDialect implements Dialect {
  constructor(private readonly pg: PGliteWorker) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
