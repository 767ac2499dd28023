import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/open.js';
import { migrate } from '../src/platform/db/migrate.js';
import { testEngines } from '../src/test/db.js';

// throws in CI when TEST_DATABASE_URL is missing, so the PostgreSQL restore below never skips there
testEngines();

/** The `fazhi` command as a user runs it, against its own data folder. */
function fazhi(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  // asynchronous on purpose: a blocking spawn starves the test runner's own messaging
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/fazhi.mjs', ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: '',
          FAZHI_DEMO_PASSWORD: 'Demo-passw0rd',
          // a fifth of the demo county: the commands are what is tested, not the volume
          FAZHI_DEMO_SCALE: '0.2',
          ...env,
        },
        encoding: 'utf8',
        timeout: 480_000,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          out: stdout,
          err: stderr,
        }),
    );
  });
}

/** How many rows `table` holds. */
async function rowCount(h: DatabaseHandle, table: 'org' | 'app_user' | 'audit_log'): Promise<number> {
  const row = await h.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the fazhi command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
  const env = { FAZHI_DATA_DIR: dir };
  const pgdata = path.join(dir, 'pgdata');

  beforeAll(async () => {
    const r = await fazhi(['demo'], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('admin');
  }, 540_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to seed the demo twice', async () => {
    const r = await fazhi(['demo'], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已有机构数据');
  });

  it('computes statutory dates with the holiday arrangement (国庆 2025)', async () => {
    expect((await fazhi(['calendar', 'add', '2025-09-30', '7', '--workdays'], env)).out.trim()).toBe(
      '2025-10-16',
    );
    expect((await fazhi(['calendar', 'add', '2025-09-30', '7'], env)).out.trim()).toBe('2025-10-07');
    // 2027's arrangement is not published: computed with the statutory days off, marked 暂估
    const r = await fazhi(['calendar', 'add', '2027-01-04', '5', '--workdays'], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe('2027-01-11');
    expect(r.err).toContain('暂估');
    expect(r.err).toContain('2027');
  });

  it('loads an arrangement for an uncovered year, after which dates in it compute', async () => {
    const file = path.join(dir, '2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        source: '测试用安排',
        holidays: [{ name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
        workdays: [],
      }),
    );
    const load = await fazhi(['calendar', 'load', file], env);
    expect(load.code, load.err).toBe(0);
    // the demo's stored dates in 2027 were estimates: the load recomputes them and says how many
    expect(load.out).toMatch(/已重算期限:.*行政执法案件 \d+ 条/);
    expect((await fazhi(['calendar', 'add', '2026-12-31', '1', '--workdays'], env)).out.trim()).toBe(
      '2027-01-04',
    );
  });

  it('adds a user, resets a password and prints an API token', async () => {
    const reset = await fazhi(['user', 'reset-password', 'leader'], env);
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toMatch(/新密码: \S{8,}/);
    const token = await fazhi(['token', 'create', 'yfzs'], env);
    expect(token.out.trim()).toMatch(/^fzt_[A-Za-z0-9_-]{40,}$/);
    const missing = await fazhi(['user', 'reset-password', 'nobody'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('不存在');
  });

  it('verifies the audit chain and names the first entry edited behind its back', async () => {
    const ok = await fazhi(['audit', 'verify'], env);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('日志链完整');
    const h = await openDatabase({ dataDir: pgdata });
    try {
      // the database refuses the edit; only its owner, disabling the guard, can make it
      await expect(
        sql`update audit_log set actor_name = '篡改者' where seq = 7`.execute(h.db),
      ).rejects.toThrow(/只增记录/);
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(h.db);
      await sql`update audit_log set actor_name = '篡改者' where seq = 7`.execute(h.db);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(h.db);
    } finally {
      await h.close();
    }
    const bad = await fazhi(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('第 7 条');
  });

  it('lists the demo draws and re-runs one to the same result', async () => {
    const list = await fazhi(['draw', 'list', '--limit', '5'], env);
    expect(list.code, list.err).toBe(0);
    const id = list.out.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0];
    expect(id).toBeDefined();
    const verify = await fazhi(['draw', 'verify', id ?? ''], env);
    expect(verify.code, verify.out + verify.err).toBe(0);
    const unknown = await fazhi(['draw', 'verify', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).not.toBe(0);
  });

  it('prints the figures of last year and writes the annual report as a Word file', async () => {
    const year = new Date().getFullYear() - 1;
    const m = await fazhi(['metrics', '--year', String(year), '--json'], env);
    expect(m.code, m.err).toBe(0);
    const figures = JSON.parse(m.out) as { metricId: string; value: number | null }[];
    expect(figures.find((f) => f.metricId === 'inspection.plans')?.value).toBeGreaterThan(0);
    expect(figures.find((f) => f.metricId === 'enforcement.officers.certifiedRate')).toBeDefined();
    const out = path.join(dir, 'report.docx');
    const r = await fazhi(['report', 'docx', '--year', String(year), '--org', '532502', '--out', out], env);
    expect(r.code, r.err).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('refuses to open a folder another process holds', async () => {
    const h = await openDatabase({ dataDir: pgdata });
    try {
      const r = await fazhi(['migrate'], env);
      expect(r.code).toBe(2);
      expect(r.err).toContain('正被进程');
    } finally {
      await h.close();
    }
  });

  describe('backup and restore', () => {
    const file = path.join(dir, 'backup.fzb');
    let counts: { orgs: number; users: number; audit: number };

    beforeAll(async () => {
      const r = await fazhi(['backup', file], env);
      expect(r.code, r.err).toBe(0);
      const h = await openDatabase({ dataDir: pgdata });
      counts = {
        orgs: await rowCount(h, 'org'),
        users: await rowCount(h, 'app_user'),
        audit: await rowCount(h, 'audit_log'),
      };
      await h.close();
    }, 120_000);

    it('refuses a truncated or altered file and changes nothing', async () => {
      const bytes = fs.readFileSync(file);
      const partial = path.join(dir, 'partial.fzb');
      fs.writeFileSync(partial, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const r = await fazhi(['restore', partial], env);
      expect(r.code).toBe(2);
      expect(r.err).toContain('备份文件无效');
      const alien = path.join(dir, 'alien.fzb');
      fs.writeFileSync(alien, 'not a backup');
      expect((await fazhi(['restore', alien], env)).code).toBe(2);
    });

    it('restores onto a fresh embedded database with the same rows', async () => {
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-restore-'));
      try {
        expect((await fazhi(['migrate'], { FAZHI_DATA_DIR: other })).code).toBe(0);
        const r = await fazhi(['restore', file], { FAZHI_DATA_DIR: other });
        expect(r.code, r.err).toBe(0);
        const h = await openDatabase({ dataDir: path.join(other, 'pgdata') });
        expect(await rowCount(h, 'org')).toBe(counts.orgs);
        await h.close();
      } finally {
        fs.rmSync(other, { recursive: true, force: true });
      }
      // a fresh embedded database (initdb + every migration) and the whole demo restored into it:
      // minutes on a busy CI machine; the speed of restore is not what this test is about
    }, 300_000);

    it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
      'restores onto PostgreSQL with the same rows',
      async () => {
        const url = process.env.TEST_DATABASE_URL ?? '';
        const name = `fazhi_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        try {
          const h0 = await openDatabase({ url: u.toString() });
          await migrate(h0.db);
          await h0.close();
          const r = await fazhi(['restore', file], { DATABASE_URL: u.toString() });
          expect(r.code, r.err).toBe(0);
          const h = await openDatabase({ url: u.toString() });
          expect(await rowCount(h, 'app_user')).toBe(counts.users);
          await h.close();
        } finally {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        }
      },
      300_000,
    );
  });
});
