import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';

/** A real 1×1 PNG, built from its chunks. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.each(testEngines())('attachments over HTTP on $name', (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const suite = appSetup(engine, { dataDir });
  let admin: Session;

  beforeAll(async () => {
    admin = await loginAs(suite.app, 'admin');
  });

  const upload = (bytes: Buffer, name: string, session = admin) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...session.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      payload: bytes,
    });

  it('does not tell a user that someone else stored the same bytes (issue #10)', async () => {
    const bytes = Buffer.concat([png(), Buffer.from('dedup-probe')]);
    const first = await upload(bytes, '甲的照片.png');
    expect(first.statusCode).toBe(201);
    const clerk = await loginAs(suite.app, 'clerk');
    const second = await upload(bytes, '乙的照片.png', clerk);
    expect(second.statusCode).toBe(201);
    // the same answer as for new bytes: the user's own name, nothing of the earlier upload
    expect(Object.keys(second.json()).sort()).toEqual(['mime', 'originalName', 'sha256', 'size']);
    expect(second.json()).toMatchObject({ originalName: '乙的照片.png', sha256: first.json().sha256 });
    expect(second.body).not.toContain('甲的照片');
  });

  it('stores by SHA-256, sniffs the type, and serves the same bytes back', async () => {
    const r = await upload(png(), '现场照片.png');
    expect(r.statusCode, r.body).toBe(201);
    const file = r.json();
    expect(file).toMatchObject({ mime: 'image/png', originalName: '现场照片.png', size: png().length });
    const back = await suite.app.inject({ url: `/api/files/${file.sha256}`, headers: admin.headers });
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(png())).toBe(true);
  });

  it('refuses a file whose bytes do not match its name, writing nothing', async () => {
    const before = await suite.h.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const r = await upload(elf, '处罚决定书.pdf');
    expect(r.statusCode).toBe(415);
    expect(r.json().detail).toMatch(/[\u4e00-\u9fa5]/);
    const after = await suite.h.db
      .selectFrom('stored_file')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('detects a file swapped on disk', async () => {
    const file = (await upload(Buffer.concat([png(), Buffer.from('x')]), '另一张.png')).json();
    const p = path.join(dataDir, 'files', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256);
    fs.chmodSync(p, 0o644);
    fs.writeFileSync(p, png());
    const r = await suite.app.inject({ url: `/api/files/${file.sha256}`, headers: admin.headers });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.json().code).toBe('files.corrupt');
  });

  it('does not hand a file to another user by its hash', async () => {
    const file = (await upload(Buffer.concat([png(), Buffer.from('yz')]), '第三张.png')).json();
    const other = await loginAs(suite.app, 'yfzs');
    const r = await suite.app.inject({ url: `/api/files/${file.sha256}`, headers: other.headers });
    expect(r.statusCode).toBe(404);
  });
});
