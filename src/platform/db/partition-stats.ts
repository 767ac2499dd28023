import { sql } from 'kysely';
import { yearPartitionsAhead } from './migrate.js';
import type { Executor } from './types.js';

/**
 * Statistics of the year-partitioned tables (migration 0280). Autovacuum analyzes each partition
 * as its rows change but never a partitioned table itself, so the statistics of the table as a
 * whole (PostgreSQL's "inheritance" statistics, which the planner reads for joins and groupings
 * over the parent) would stay as the migration left them. ANALYZE of a partitioned table
 * samples the whole and analyzes each partition again: a few seconds a table at a province's size.
 * Returns the tables analyzed.
 */
export async function analyzePartitionedTables(db: Executor): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
    where c.relnamespace = current_schema()::regnamespace and not c.relispartition
    order by 1`.execute(db);
  const names = r.rows.map((t) => t.name);
  for (const name of names) await sql`analyze ${sql.table(name)}`.execute(db);
  return names;
}

/**
 * One maintenance pass: next year's partitions if they are missing (a server that runs across New
 * Year's Day without a restart still has them: `migrate` made them a year ahead at its start),
 * then the partitioned tables' statistics. Returns the tables analyzed.
 */
export async function maintainPartitions(db: Executor): Promise<string[]> {
  await yearPartitionsAhead(db);
  return analyzePartitionedTables(db);
}

/** Once a day by default: a day's cases are a small part of a year partition. */
export const PARTITION_STATS_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * The maintenance job that keeps the partitions ahead and their statistics fresh: `maintainPartitions` every
 * `everyMs` while the process runs (the timer does not hold the process open). Two app instances
 * on one database each run it; a second ANALYZE of a table waits for the first and is harmless.
 * A failure is reported to `onError` and the job runs again at its next turn. Returns `stop`.
 */
export function startPartitionStatsJob(
  db: Executor,
  opts: {
    everyMs?: number;
    onError?: (err: unknown) => void;
    onDone?: (tables: string[], ms: number) => void;
  } = {},
): () => void {
  let running = false;
  const run = async () => {
    // a run longer than the interval (a huge database) is not started twice
    if (running) return;
    running = true;
    const started = performance.now();
    try {
      const tables = await maintainPartitions(db);
      opts.onDone?.(tables, performance.now() - started);
    } catch (err) {
      opts.onError?.(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, opts.everyMs ?? PARTITION_STATS_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
