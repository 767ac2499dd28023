import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFileStore } from './store.js';

let dir: string;
let store: LocalFileStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-'));
  store = new LocalFileStore(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = Buffer.from('现场检查笔录 2024-03-05', 'utf8');

describe('LocalFileStore', () => {
  it('stores bytes under files/ab/cd/<sha256> and reads them back', async () => {
    const put = await store.put(bytes);
    expect(put).toEqual({ sha256: sha(bytes), size: bytes.length });
    const file = path.join(dir, 'files', put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(Buffer.from(await store.get(put.sha256))).toEqual(bytes);
    expect(await store.has(put.sha256)).toBe(true);
    expect(await store.verify(put.sha256)).toBe('ok');
  });

  it('stores the same bytes once, however often they are put, and leaves no temporary files', async () => {
    const a = await store.put(bytes);
    const b = await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(b).toEqual(a);
    const files = fs
      .readdirSync(path.join(dir, 'files'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile());
    expect(files.map((f) => f.name)).toEqual([a.sha256]);
  });

  it('detects a file swapped on disk and refuses to serve it', async () => {
    const { sha256 } = await store.put(bytes);
    fs.writeFileSync(store.pathOf(sha256), '伪造的笔录');
    await expect(store.get(sha256)).rejects.toMatchObject({ code: 'files.corrupt', kind: 'unavailable' });
    expect(await store.verify(sha256)).toBe('corrupt');

    const { stream } = await store.open(sha256);
    await expect(async () => {
      for await (const _ of stream) {
        // drain
      }
    }).rejects.toMatchObject({ code: 'files.corrupt' });

    // Putting the genuine bytes again repairs the copy.
    await store.put(bytes);
    expect(await store.verify(sha256)).toBe('ok');
  });

  it('streams a stored file with its size', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const { sha256 } = await store.put(big);
    const { size, stream } = await store.open(sha256);
    expect(size).toBe(big.length);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(sha256);
  });

  it('answers for a missing file and refuses a malformed hash before touching the disk', async () => {
    const absent = sha(Buffer.from('never stored'));
    expect(await store.has(absent)).toBe(false);
    expect(await store.verify(absent)).toBe('missing');
    await expect(store.get(absent)).rejects.toMatchObject({ code: 'files.notFound', kind: 'notFound' });
    await expect(store.open(absent)).rejects.toMatchObject({ code: 'files.notFound' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({
      code: 'files.badHash',
      kind: 'invalid',
    });
  });

  it('stops a stream past maxBytes and keeps nothing of it', async () => {
    const chunks = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(store.put(chunks, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'files.tooLarge',
      kind: 'tooLarge',
    });
    expect(fs.readdirSync(path.join(dir, 'files', 'tmp'))).toEqual([]);
  });
});
