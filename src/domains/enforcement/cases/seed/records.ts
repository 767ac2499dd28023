import type { Ctx } from '../../../../platform/context.js';
import { writeTx } from '../../../../platform/db/tx.js';
import { type FileStore, storeAttachment } from '../../../../platform/files/index.js';
import {
  type RequiredRecord,
  recordsRequiredBy,
  requiredRecordKind,
  requiredRecordLabels,
} from '../records.js';
import type { ActionRecord, CaseAction } from '../schema.js';

/** A minimal PDF whose text names the record (distinct bytes, so one stored file per kind of record). */
function demoPdf(label: string): Uint8Array {
  const text = `开远市行政执法全过程记录(演示)${label}`;
  return new TextEncoder().encode(`%PDF-1.4\n%${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
}

/** A minimal MP4 header (执法记录仪 video stand-in) tagged with the record name. */
function demoMp4(label: string): Uint8Array {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(32, 0);
  b.write('ftyp', 4);
  b.write('isom', 8);
  b.write('isom', 16);
  b.write('isom', 20);
  b.write(encodeURIComponent(label).slice(0, 30), 32);
  return new Uint8Array(b);
}

export type DemoRecords = (action: CaseAction) => ActionRecord['records'];

/**
 * Stores one demo attachment per kind of record (through the file store, audited like any upload)
 * and returns the records an act requires. Null without a store: the demo cases are then
 * transcribed as paper archives (no attachments).
 */
export async function demoRecordFiles(ctx: Ctx, files: FileStore | undefined): Promise<DemoRecords | null> {
  if (!files) return null;
  const stored = new Map<RequiredRecord, string>();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    for (const key of Object.keys(requiredRecordLabels) as RequiredRecord[]) {
      const label = requiredRecordLabels[key];
      const video = requiredRecordKind(key) === 'audioVideo';
      const f = await storeAttachment(trx, files, {
        bytes: video ? demoMp4(label) : demoPdf(label),
        originalName: `${label}.${video ? 'mp4' : 'pdf'}`,
        createdBy: ctx.actor.userId,
      });
      stored.set(key, f.sha256);
    }
    audit({ action: 'file.upload', entity: 'stored_file', change: { count: stored.size, demo: true } });
  });
  return (action) =>
    recordsRequiredBy(action).map((key) => ({
      sha256: stored.get(key) ?? '',
      kind: requiredRecordKind(key),
      name: `${requiredRecordLabels[key]}.${requiredRecordKind(key) === 'audioVideo' ? 'mp4' : 'pdf'}`,
    }));
}
