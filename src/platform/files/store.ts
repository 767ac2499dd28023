import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { DomainError, invalid, notFound } from '../errors.js';

export interface PutResult {
  sha256: string;
  size: number;
}

export type VerifyStatus = 'ok' | 'missing' | 'corrupt';

/**
 * Content-addressed bytes: a file is named by the SHA-256 of its content, so storing the same
 * bytes twice stores them once, and a swapped or damaged file no longer matches its name.
 * A local-disk store implements it here; an S3-compatible store can implement it later.
 */
export interface FileStore {
  /** Stores bytes (or a stream of them); idempotent. `maxBytes` stops a stream that runs long. */
  put(data: Uint8Array | AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<PutResult>;
  /** The bytes, re-hashed: refuses (`files.corrupt`) if they no longer match the hash. */
  get(sha256: string): Promise<Uint8Array>;
  /**
   * A stream of the bytes for large downloads; the hash is checked as they pass and the
   * stream fails with `files.corrupt` at the end on a mismatch.
   */
  open(sha256: string): Promise<{ size: number; stream: Readable }>;
  has(sha256: string): Promise<boolean>;
  /** Re-hashes the stored bytes without keeping them in memory. */
  verify(sha256: string): Promise<VerifyStatus>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  // Also what keeps a caller-supplied hash from naming a path outside the store.
  if (!SHA256.test(sha256))
    throw invalid('files.badHash', '文件摘要应为 64 位小写十六进制 SHA-256', 'sha256');
}

export const corrupt = (sha256: string) =>
  new DomainError(
    'files.corrupt',
    '附件文件已损坏或被替换(内容与登记的 SHA-256 摘要不符),已拒绝读取:请从备份恢复该文件',
    'unavailable',
    { sha256 },
  );

const missing = (sha256: string) => {
  const e = notFound('files.notFound', '附件文件不存在');
  e.details.sha256 = sha256;
  return e;
};

export const tooLarge = (maxBytes: number, what = '文件') =>
  new DomainError('files.tooLarge', `${what}超过 ${formatBytes(maxBytes)} 的大小上限`, 'tooLarge', {
    field: 'file',
    maxBytes,
  });

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} 字节`;
}

const isNoEntry = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files under `<dataDir>/files/ab/cd/<sha256>` (two levels of fan-out keep directories small).
 * A put writes to `files/tmp`, flushes, then renames into place: a crash leaves a stray temp
 * file, never a half-written file under a valid name.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
    this.tmp = path.join(this.root, 'tmp');
  }

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(
    data: Uint8Array | AsyncIterable<Uint8Array>,
    options: { maxBytes?: number } = {},
  ): Promise<PutResult> {
    await fs.promises.mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const handle = await fs.promises.open(temp, 'wx', 0o644);
    try {
      const chunks = data instanceof Uint8Array ? [data] : data;
      for await (const chunk of chunks) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) throw tooLarge(options.maxBytes);
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
      await handle.close();
      const sha256 = hash.digest('hex');
      const final = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      // Same name, same bytes: replacing an existing copy is harmless, and repairs a damaged one.
      await fs.promises.rename(temp, final);
      return { sha256, size };
    } catch (err) {
      await handle.close().catch(() => {});
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
  }

  async get(sha256: string): Promise<Uint8Array> {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(this.pathOf(sha256));
    } catch (err) {
      if (isNoEntry(err)) throw missing(sha256);
      throw err;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw corrupt(sha256);
    return bytes;
  }

  async open(sha256: string): Promise<{ size: number; stream: Readable }> {
    const file = this.pathOf(sha256);
    let size: number;
    try {
      size = (await fs.promises.stat(file)).size;
    } catch (err) {
      if (isNoEntry(err)) throw missing(sha256);
      throw err;
    }
    const hash = createHash('sha256');
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        done(hash.digest('hex') === sha256 ? null : corrupt(sha256));
      },
    });
    const stream = fs.createReadStream(file);
    stream.on('error', (err) => check.destroy(err));
    return { size, stream: stream.pipe(check) };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch (err) {
      if (isNoEntry(err)) return false;
      throw err;
    }
  }

  async verify(sha256: string): Promise<VerifyStatus> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of fs.createReadStream(this.pathOf(sha256))) hash.update(chunk as Buffer);
    } catch (err) {
      if (isNoEntry(err)) return 'missing';
      throw err;
    }
    return hash.digest('hex') === sha256 ? 'ok' : 'corrupt';
  }
}
