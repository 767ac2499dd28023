import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx } from '../../../platform/context.js';
import { type FileStore, LocalFileStore, storeAttachment } from '../../../platform/files/index.js';
import { SAMPLES } from '../../../platform/files/test-samples.js';
import { getCase } from '../cases/service.js';
import { addRecords } from '../cases/act-service.js';

/** A file store in a temporary directory with one stored PDF and one MP4 (real bytes, real hashes). */
export async function testFiles(
  ctx: Ctx,
): Promise<{ files: FileStore; dir: string; pdf: string; mp4: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-records-'));
  const files = new LocalFileStore(dir);
  const pdf = await storeAttachment(ctx.db, files, {
    bytes: new Uint8Array(SAMPLES.pdf),
    originalName: '决定书.pdf',
    createdBy: null,
  });
  const mp4 = await storeAttachment(ctx.db, files, {
    bytes: new Uint8Array(SAMPLES.mp4),
    originalName: '执法记录仪.mp4',
    createdBy: null,
  });
  return { files, dir, pdf: pdf.sha256, mp4: mp4.sha256 };
}

/** 补录 every record a case's detail lists as missing. */
export async function fillGaps<C extends { id: string; recordGaps: { seq: number; record: string }[] }>(
  ctx: Ctx,
  c: C,
  t: { files: FileStore; pdf: string; mp4: string },
): Promise<Awaited<ReturnType<typeof addRecords>>> {
  let detail = await getCase(ctx, c.id);
  for (const seq of [...new Set(c.recordGaps.map((g) => g.seq))]) {
    const gaps = c.recordGaps.filter((g) => g.seq === seq);
    detail = await addRecords(
      ctx,
      c.id,
      seq,
      {
        records: gaps.map((g) =>
          g.record === 'audioVideo'
            ? { sha256: t.mp4, kind: 'audioVideo', name: '执法记录仪视频.mp4' }
            : { sha256: t.pdf, kind: 'document', name: `${g.record}.pdf` },
        ),
      },
      t.files,
    );
  }
  return detail;
}
