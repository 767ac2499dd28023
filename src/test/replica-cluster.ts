import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The newest PostgreSQL server binaries installed from Debian's packages, if any. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** The server refuses to run as root: as root we run its programs as the `postgres` user. */
/** Asynchronous: initdb or a base backup on a busy machine must not block the test worker. */
async function asPostgres(bin: string, args: string[]): Promise<string> {
  const run = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const { stdout } = await promisify(execFile)(run[0] as string, run[1] as string[], { encoding: 'utf8' });
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** stops the replica (the app must keep answering from the primary) */
  stopReplica(): void;
  stop(): void;
}

/**
 * A primary and a streaming replica made from it with `pg_basebackup`, each on a free port of
 * 127.0.0.1, in a temporary folder: the replication a province deployment runs, on this machine.
 */
export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-replica-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', base]);
  const primary = path.join(base, 'primary');
  const replica = path.join(base, 'replica');
  const [p1, p2] = [await freePort(), await freePort()];
  const started: string[] = [];
  /** Starts the server of `dir` on `port` and remembers it for stopAll. */
  const start = async (dir: string, port: number) => {
    const opts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await asPostgres(path.join(bin, 'pg_ctl'), ['-D', dir, '-l', `${dir}.log`, '-o', opts, '-w', 'start']);
    started.push(dir);
  };
  const stopNow = (dir: string) =>
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
  const stopAll = async () => {
    for (const dir of started.splice(0).reverse()) {
      try {
        await stopNow(dir);
      } catch {
        // already stopped
      }
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    // initdb's default pg_hba.conf with --auth=trust also lets 127.0.0.1 connect for replication
    await asPostgres(path.join(bin, 'initdb'), [
      '-D',
      primary,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    await start(primary, p1);
    await asPostgres(path.join(bin, 'pg_basebackup'), [
      ...['-h', '127.0.0.1', '-p', String(p1), '-U', 'postgres', '-D', replica],
      ...['-R', '-X', 'stream', '-c', 'fast'],
    ]);
    await start(replica, p2);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${p1}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${p2}/postgres`,
    stopReplica: async () => {
      await stopNow(replica);
      started.splice(started.indexOf(replica), 1);
    },
    stop: stopAll,
  };
}
