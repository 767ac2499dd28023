import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors.js';

export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  /** Removes the file; safe to call twice. */
  cleanup(): Promise<void>;
}

/**
 * Writes a one-shot stream (an HTTP upload) to a private temporary file, so an import can read
 * it twice without holding it in memory. Stops with `io.tooLarge` past `maxBytes`.
 */
export async function spoolToTempFile(
  input: Readable | AsyncIterable<Uint8Array>,
  options: { maxBytes?: number; dir?: string } = {},
): Promise<SpooledFile> {
  const dir = await fs.promises.mkdtemp(path.join(options.dir ?? os.tmpdir(), 'fazhi-upload-'));
  const file = path.join(dir, 'upload');
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let size = 0;
  const handle = await fs.promises.open(file, 'wx', 0o600);
  try {
    for await (const chunk of input) {
      const bytes: Uint8Array = chunk;
      size += bytes.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        throw new DomainError(
          'io.tooLarge',
          `文件超过 ${Math.floor(options.maxBytes / 1024 / 1024)} MB 上限`,
          'tooLarge',
          { field: 'file', maxBytes: options.maxBytes },
        );
      }
      hash.update(bytes);
      await handle.write(bytes);
    }
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => {});
    await cleanup();
    throw err;
  }
  return { path: file, size, sha256: hash.digest('hex'), cleanup };
}
