import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/open.js';
import { testEngines } from '../../test/db.js';
import { storeAttachment, verifyAllAttachments, verifyAttachment } from './attachments.js';
import { checkAttachmentType } from './sniff.js';
import { LocalFileStore } from './store.js';
import { docxSample, SAMPLES, xlsxSample } from './test-samples.js';

describe('attachment types are sniffed from the bytes', () => {
  it.each([
    ['决定书.pdf', 'application/pdf', SAMPLES.pdf],
    ['现场照片.JPG', 'image/jpeg', SAMPLES.jpg],
    ['现场照片.jpeg', 'image/jpeg', SAMPLES.jpg],
    ['截图.png', 'image/png', SAMPLES.png],
    ['动图.gif', 'image/gif', SAMPLES.gif],
    ['照片.webp', 'image/webp', SAMPLES.webp],
    ['执法记录仪.mp4', 'video/mp4', SAMPLES.mp4],
    ['询问录音.mp3', 'audio/mpeg', SAMPLES.mp3],
    ['询问录音.m4a', 'audio/mp4', SAMPLES.m4a],
    ['询问录音.wav', 'audio/wav', SAMPLES.wav],
    ['说明.txt', 'text/plain', SAMPLES.txt],
    ['清单.csv', 'text/csv', SAMPLES.csv],
    ['无扩展名', 'application/pdf', SAMPLES.pdf],
  ])('%s is %s', async (name, mime, bytes) => {
    expect((await checkAttachmentType(bytes, name)).mime).toBe(mime);
  });

  it('recognises Word and Excel files inside their zip containers', async () => {
    expect((await checkAttachmentType(await docxSample(), '听证笔录.docx')).kind).toBe('docx');
    expect((await checkAttachmentType(await xlsxSample(), '台账.xlsx')).kind).toBe('xlsx');
  });

  it('refuses a .pdf name on an executable body, in Chinese', async () => {
    await expect(checkAttachmentType(SAMPLES.elf, '处罚决定书.pdf')).rejects.toMatchObject({
      code: 'files.unsupported',
      kind: 'unsupported',
      message: expect.stringContaining('“处罚决定书.pdf”的内容是Linux 可执行程序,不允许上传'),
    });
    await expect(checkAttachmentType(SAMPLES.exe, '照片.jpg')).rejects.toMatchObject({
      message: expect.stringContaining('Windows 可执行程序'),
    });
  });

  it('refuses an allowed type under another type’s name', async () => {
    await expect(checkAttachmentType(SAMPLES.png, '决定书.pdf')).rejects.toMatchObject({
      code: 'files.unsupported',
      message: '“决定书.pdf”的扩展名是 .pdf,但内容是PNG 图片,两者不符,不能上传',
    });
    await expect(checkAttachmentType(SAMPLES.txt, '决定书.docx')).rejects.toMatchObject({
      code: 'files.unsupported',
    });
  });

  it('refuses text that is not UTF-8, and types left off the allow-list', async () => {
    await expect(checkAttachmentType(SAMPLES.gbText, '说明.txt')).rejects.toMatchObject({
      message: expect.stringContaining('无法识别'),
    });
    await expect(checkAttachmentType(SAMPLES.mp4, '录像.mp4', ['pdf', 'jpg'])).rejects.toMatchObject({
      message: '“录像.mp4”的内容是MP4 视频,不允许上传。允许的类型:PDF 文档、JPEG 图片',
    });
  });
});

for (const engine of testEngines()) {
  describe(`storeAttachment on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let dir: string;
    let store: LocalFileStore;
    beforeAll(async () => {
      handle = await engine.open();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-attach-'));
      store = new LocalFileStore(dir);
    });
    afterAll(async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('records an upload once per content and keeps the first name', async () => {
      const first = await storeAttachment(handle.db, store, {
        bytes: SAMPLES.pdf,
        originalName: 'C:\\Users\\执法员\\处罚决定书.pdf',
        createdBy: null,
      });
      expect(first).toMatchObject({
        size: SAMPLES.pdf.length,
        mime: 'application/pdf',
        originalName: '处罚决定书.pdf',
      });
      expect(first.deduplicated).toBe(false);
      const again = await storeAttachment(handle.db, store, {
        bytes: SAMPLES.pdf,
        originalName: '副本.pdf',
        createdBy: null,
      });
      expect(again).toMatchObject({
        sha256: first.sha256,
        originalName: '处罚决定书.pdf',
        deduplicated: true,
      });
      const rows = await handle.db
        .selectFrom('stored_file')
        .selectAll()
        .where('sha256', '=', first.sha256)
        .execute();
      expect(rows).toHaveLength(1);
      expect(await verifyAttachment(handle.db, store, first.sha256)).toMatchObject({ status: 'ok' });
    });

    it('refuses a file over the size limit before storing anything', async () => {
      const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(2048)]);
      await expect(
        storeAttachment(
          handle.db,
          store,
          { bytes: big, originalName: '大文件.pdf', createdBy: null },
          { maxBytes: 1024 },
        ),
      ).rejects.toMatchObject({
        code: 'files.tooLarge',
        kind: 'tooLarge',
        message: '附件“大文件.pdf”(2 KB)超过 1 KB 的大小上限',
      });
      expect(await store.has(sha(big))).toBe(false);
    });

    it('refuses an executable named .pdf and records nothing', async () => {
      await expect(
        storeAttachment(handle.db, store, {
          bytes: SAMPLES.exe,
          originalName: '决定书.pdf',
          createdBy: null,
        }),
      ).rejects.toMatchObject({ code: 'files.unsupported', kind: 'unsupported' });
      expect(await store.has(sha(SAMPLES.exe))).toBe(false);
    });

    it('finds a tampered attachment when re-hashing all of them', async () => {
      const a = await storeAttachment(handle.db, store, {
        bytes: SAMPLES.mp3,
        originalName: '询问录音.mp3',
        createdBy: null,
      });
      const b = await storeAttachment(handle.db, store, {
        bytes: SAMPLES.png,
        originalName: '现场照片.png',
        createdBy: null,
      });
      fs.writeFileSync(store.pathOf(a.sha256), Buffer.concat([SAMPLES.mp3, Buffer.from('剪辑')]));
      fs.rmSync(store.pathOf(b.sha256));
      expect(await verifyAttachment(handle.db, store, a.sha256)).toMatchObject({ status: 'corrupt' });
      const all = await verifyAllAttachments(handle.db, store);
      expect(all.checked).toBe(3);
      expect(all.problems).toEqual(
        [
          { sha256: a.sha256, originalName: '询问录音.mp3', status: 'corrupt' },
          { sha256: b.sha256, originalName: '现场照片.png', status: 'missing' },
        ].sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1)),
      );
    });
  });
}

function sha(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}
