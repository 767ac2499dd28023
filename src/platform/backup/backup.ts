import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import readline from 'node:readline';
import { sql } from 'kysely';
import type { Db } from '../db/types.js';
import { DomainError } from '../errors.js';

/**
 * A portable logical dump: gzip'd JSON lines — a header (format, migrations applied, tables),
 * one line per row, and a footer with row counts and the SHA-256 of every line before it.
 * Restores onto either engine (PGlite or PostgreSQL) at the same migration level.
 */
export const BACKUP_FORMAT = 'fazhi-backup-v1';

interface TableInfo {
  name: string;
  /** the stored columns: generated ones (search indexes' text) are derived again on restore */
  columns: string[];
  /** json / jsonb columns: their values travel as JSON text, arrays included */
  jsonColumns: ReadonlySet<string>;
  /** a column referencing the same table (org.parent_id): rows restore parents first */
  selfRef: { column: string; refColumn: string } | null;
  /**
   * kept by triggers from other tables (its comment starts with "derived:", e.g. the case tally of
   * migration 0160): not backed up; a restore empties it and the triggers fill it again
   */
  derived: boolean;
}

async function tables(db: Db): Promise<TableInfo[]> {
  const t = await sql<{ table_name: string; derived: boolean }>`
    select table_name,
      coalesce(obj_description(format('%I', table_name)::regclass, 'pg_class') like 'derived:%', false) as derived
    from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      -- a year partition's rows are its partitioned table's (migration 0280)
      and not (select relispartition from pg_class where oid = format('%I', table_name)::regclass)`.execute(
    db,
  );
  const derived = new Set(t.rows.filter((r) => r.derived).map((r) => r.table_name));
  const fks = await sql<{ child: string; parent: string; child_col: string; parent_col: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
           a.attname as child_col, af.attname as parent_col
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      -- not the copies PostgreSQL keeps of a reference for each year partition (fazhi partition)
      and c.conparentid = 0
    union all
    -- the references the partitioned layout checks once a statement (province-partitions.sql):
    -- the trigger's second argument names the referenced table
    select t.tgrelid::regclass::text, split_part(encode(t.tgargs, 'escape'), '\\000', 2), '', ''
    from pg_trigger t join pg_proc f on f.oid = t.tgfoid
    where f.proname = 'fazhi_reference_check' and t.tgparentid = 0`.execute(db);
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const names = t.rows.map((r) => r.table_name).sort();
  // topological order: a table after every table it references
  const deps = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks.rows) if (fk.child !== fk.parent) deps.get(fk.child)?.add(fk.parent);
  const ordered: string[] = [];
  const visit = (n: string, stack: Set<string>) => {
    if (ordered.includes(n) || stack.has(n)) return;
    stack.add(n);
    for (const d of deps.get(n) ?? []) visit(d, stack);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => {
    const self = fks.rows.find((f) => f.child === name && f.parent === name);
    return {
      name,
      columns: cols.rows.filter((c) => c.table_name === name).map((c) => c.column_name),
      jsonColumns: new Set(
        cols.rows
          .filter((c) => c.table_name === name && (c.data_type === 'json' || c.data_type === 'jsonb'))
          .map((c) => c.column_name),
      ),
      selfRef: self ? { column: self.child_col, refColumn: self.parent_col } : null,
      derived: derived.has(name),
    };
  });
}

export async function backup(
  db: Db,
  file: string,
  onProgress: (table: string, rows: number) => void = () => {},
): Promise<{ counts: Record<string, number>; sha256: string }> {
  const migrations = (
    await sql<{ id: string }>`select id from schema_migrations order by id`.execute(db)
  ).rows.map((r) => r.id);
  const infos = (await tables(db)).filter((t) => !t.derived);
  const gz = createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gz.on('error', reject);
  });
  gz.pipe(out);
  const hash = createHash('sha256');
  const write = (obj: unknown) => {
    const line = `${JSON.stringify(obj)}\n`;
    hash.update(line);
    if (!gz.write(line)) return new Promise<void>((r) => gz.once('drain', () => r()));
    return undefined;
  };
  await write({
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    migrations,
    tables: infos.map((t) => t.name),
  });
  const counts: Record<string, number> = {};
  for (const t of infos) {
    let n = 0;
    const batch = 5000;
    for (let offset = 0; ; offset += batch) {
      const rows = await sql<
        Record<string, unknown>
      >`select ${sql.join(t.columns.map((c) => sql.ref(c)))} from ${sql.table(t.name)} order by 1 offset ${offset} limit ${batch}`.execute(
        db,
      );
      for (const row of rows.rows) {
        const p = write({ t: t.name, r: row });
        if (p) await p;
      }
      n += rows.rows.length;
      if (rows.rows.length < batch) break;
    }
    counts[t.name] = n;
    onProgress(t.name, n);
  }
  const digest = hash.digest('hex');
  gz.end(`${JSON.stringify({ end: true, counts, sha256: digest })}\n`);
  await done;
  fs.renameSync(`${file}.partial`, file);
  return { counts, sha256: digest };
}

const corrupt = (why: string) => new DomainError('backup.corrupt', `备份文件无效:${why}`, 'invalid');

async function* lines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of rl) if (line) yield line;
  } catch (err) {
    throw corrupt(`无法解压(${(err as Error).message})`);
  }
}

/** Reads the whole file once to check format, footer and checksum before anything is written. */
export async function checkBackup(file: string) {
  if (!fs.existsSync(file)) throw new DomainError('backup.missing', `文件不存在:${file}`, 'invalid');
  const hash = createHash('sha256');
  type Header = { format: string; migrations: string[]; tables: string[] };
  type Footer = { counts: Record<string, number>; sha256: string };
  let header = null as Header | null;
  let footer = null as Footer | null;
  const counts: Record<string, number> = {};
  for await (const line of lines(file)) {
    if (footer) throw corrupt('页脚之后还有数据');
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line);
    } catch {
      throw corrupt('含有无法解析的行');
    }
    if (!header) {
      if (obj.format !== BACKUP_FORMAT) throw corrupt('不是 fazhi 备份文件');
      header = obj as unknown as Header;
    } else if (obj.end === true) {
      footer = obj as unknown as Footer;
      continue;
    } else {
      const t = String(obj.t);
      counts[t] = (counts[t] ?? 0) + 1;
    }
    hash.update(`${line}\n`);
  }
  if (!header) throw corrupt('文件为空');
  if (!footer) throw corrupt('文件不完整(缺少结尾校验信息),可能是备份中断');
  if (footer.sha256 !== hash.digest('hex')) throw corrupt('校验和不一致,文件已损坏或被修改');
  for (const [t, n] of Object.entries(footer.counts)) {
    if ((counts[t] ?? 0) !== n) throw corrupt(`表 ${t} 的行数不符`);
  }
  return { header, counts: footer.counts };
}

export async function restore(
  db: Db,
  file: string,
  onProgress: (table: string, rows: number) => void = () => {},
) {
  const { header, counts } = await checkBackup(file);
  const migrations = (
    await sql<{ id: string }>`select id from schema_migrations order by id`.execute(db)
  ).rows.map((r) => r.id);
  if (migrations.join(',') !== header.migrations.join(',')) {
    throw new DomainError(
      'backup.migrations',
      `备份的数据库版本(${header.migrations.at(-1)})与当前数据库(${migrations.at(-1)})不一致,请先升级到相同版本`,
      'conflict',
    );
  }
  const infos = await tables(db);
  const byName = new Map(infos.map((t) => [t.name, t]));
  for (const t of header.tables) if (!byName.has(t)) throw corrupt(`当前数据库没有表 ${t}`);
  await db.transaction().execute(async (trx) => {
    await sql.raw(`truncate ${infos.map((t) => `"${t.name}"`).join(', ')} cascade`).execute(trx);
    // rows arrive grouped by table in dependency order; self-referencing rows are sorted parents-first
    let current: string | null = null;
    let buffer: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!current || buffer.length === 0) return;
      const info = byName.get(current);
      if (!info) throw corrupt(`未知的表 ${current}`);
      const rows = info.selfRef ? parentsFirst(buffer, info.selfRef) : buffer;
      for (let i = 0; i < rows.length; i += 500) {
        await insertRows(trx, info, rows.slice(i, i + 500));
      }
      onProgress(current, buffer.length);
      buffer = [];
    };
    let first = true;
    for await (const line of lines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const obj = JSON.parse(line) as { t?: string; r?: Record<string, unknown>; end?: boolean };
      if (obj.end) break;
      if (obj.t !== current) {
        await flush();
        current = obj.t ?? null;
      }
      // a derived table's rows (in a backup written before it was marked) come from the triggers
      if (obj.r && !byName.get(obj.t ?? '')?.derived) buffer.push(obj.r);
    }
    await flush();
  });
  return { counts };
}

function parentsFirst(rows: Record<string, unknown>[], ref: { column: string; refColumn: string }) {
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const r of pending) {
      const parent = r[ref.column];
      if (parent === null || parent === undefined || placed.has(parent)) {
        out.push(r);
        placed.add(r[ref.refColumn]);
      } else next.push(r);
    }
    if (next.length === pending.length) throw corrupt('自引用数据存在环或缺失上级记录');
    pending = next;
  }
  return out;
}

async function insertRows(db: Db, info: TableInfo, rows: Record<string, unknown>[]) {
  const cols = info.columns.filter((c) => c in (rows[0] ?? {}));
  const values = rows.map(
    (r) =>
      sql`(${sql.join(
        cols.map((c) => {
          const v = r[c];
          // json values (objects and arrays) travel as JSON text; other arrays as PostgreSQL arrays
          return v !== null && v !== undefined && info.jsonColumns.has(c) ? JSON.stringify(v) : v;
        }),
      )})`,
  );
  await sql`insert into ${sql.table(info.name)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
    db,
  );
}
