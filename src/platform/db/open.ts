import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DomainError } from '../errors.js';
import { CopyClient, GuardedClient } from './copy.js';
import { PGliteWorker, PGliteWorkerDialect } from './pglite-dialect.js';
import type { Database } from './types.js';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the embedded engine keeps its files; undefined on a server or in memory. */
  dataDir?: string;
  /** The embedded engine, for dumps (undefined on a server). */
  pglite?: PGliteWorker;
  /** Connections in use, idle, and requests waiting for one (/metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /**
   * A streaming replica of the server (DATABASE_REPLICA_URL), for the reads that may lag a moment:
   * the public site, the 驾驶舱, figures and reports. Undefined = everything reads the primary.
   * Choose with `readerFor` (platform/db/replica.ts), which keeps a writer's own reads current.
   */
  replica?: Kysely<Database>;
  close(): Promise<void>;
}

/** The databases opened on a server: a pool of connections, so one long transaction blocks nobody. */
const pooled = new WeakSet<object>();

/**
 * Whether `db` has more than one connection (PostgreSQL), so a transaction may stay open while
 * the process works alongside it; the embedded engine has one session that every request shares.
 */
export function hasConnectionPool(db: object): boolean {
  return pooled.has(db);
}

export interface OpenOptions {
  /** postgres://… — use a PostgreSQL server. */
  url?: string;
  /** PGlite data folder; omitted with no url = in memory. */
  dataDir?: string;
  /** PGlite: start from this data-folder tarball (from `dump()`), in memory. */
  loadDataDir?: ArrayBuffer;
  /** Pool size on a server. */
  poolSize?: number;
  /** postgres://… of a streaming replica of `url` (read-only; see `DatabaseHandle.replica`). */
  replicaUrl?: string;
}

/** node-postgres type parsers matching the embedded engine's: date as text, int8 as number. */
function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === 1082) return (v: string) => v;
      if (oid === 20) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * PGlite takes no lock on its folder and a second process opening it corrupts it
 * (TECH-NOTES), so we hold a lock file with our pid and refuse a second opener.
 */
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, '.fazhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DomainError(
          'db.locked',
          `数据目录 ${dataDir} 正被进程 ${pid} 使用(可能是正在运行的服务)。嵌入式数据库不能被两个进程同时打开:请先停止该进程,或通过其服务接口操作。`,
          'conflict',
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new DomainError('db.locked', `无法锁定数据目录 ${dataDir}`, 'conflict');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function newPool(url: string, size = 10, connectTimeoutMs?: number, primary = false): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    types: pgTypes(),
    // JIT off for the app's sessions: the figures' grouped scans and the per-officer subqueries
    // cross jit_above_cost at a province's size, and compiling (0.2–0.9 s measured) cost more than
    // running them; the app sends short OLTP statements and grouped counts, never long analytics.
    options: '-c jit=off',
    // a pg.Client that also runs COPY FROM STDIN (platform/db/copy.ts); the primary's also carries
    // a request's read guard (read-guard.ts)
    Client: primary ? GuardedClient : CopyClient,
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
  });
  // An idle connection the server drops (restart, failover, an administrator's terminate)
  // emits 'error' on the pool; unhandled, that would crash the process. The pool discards
  // the connection and opens a new one on the next query.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') process.stderr.write(`数据库连接中断,已丢弃该连接:${err.message}\n`);
  });
  return pool;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = newPool(opts.url, opts.poolSize, undefined, true);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pooled.add(db);
    const replica = opts.replicaUrl
      ? new Kysely<Database>({
          dialect: new PostgresDialect({ pool: newPool(opts.replicaUrl, opts.poolSize, 3000) }),
        })
      : undefined;
    return {
      db,
      engine: 'postgres',
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      ...(replica ? { replica } : {}),
      close: async () => {
        await db.destroy();
        await replica?.destroy();
      },
    };
  }
  const release = opts.dataDir ? acquireLock(opts.dataDir) : () => {};
  try {
    const worker = new PGliteWorker({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PGliteWorkerDialect(worker) });
    await worker.init();
    return {
      db,
      engine: 'pglite',
      pglite: worker,
      // one session: "in use" while a query runs, the rest wait in the worker's queue
      poolStats: () => ({
        total: 1,
        idle: worker.queued === 0 ? 1 : 0,
        waiting: Math.max(0, worker.queued - 1),
      }),
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
