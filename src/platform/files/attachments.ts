import type { Executor } from '../db/types.js';
import { invalid, notFound } from '../errors.js';
import { type AttachmentKind, checkAttachmentType } from './sniff.js';
import { assertSha256, type FileStore, formatBytes, tooLarge, type VerifyStatus } from './store.js';
import './tables.js';

/** Default upload limit: 50 MiB (enough for a few minutes of 执法记录仪 video). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export interface StoredFile {
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface StoreAttachmentInput {
  bytes: Uint8Array;
  originalName: string;
  createdBy: string | null;
}

export interface AttachmentPolicy {
  /** Default 50 MiB. */
  maxBytes?: number;
  /** Default: every type in ATTACHMENT_TYPES. */
  allowed?: readonly AttachmentKind[];
}

/** The last path segment, without control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return [...base.replace(/\p{Cc}/gu, '').trim()].slice(-255).join('');
}

/**
 * Checks an upload and records it: size limit (`files.tooLarge`), type sniffed from the bytes
 * and matched against the name and the allow-list (`files.unsupported`), bytes put in the
 * store under their SHA-256, and a stored_file row (once per distinct content). Returns the
 * row; the record that references the file keeps the hash (and its own display name).
 *
 * The bytes are stored before the row: if the caller's transaction rolls back, an unreferenced
 * file remains in the store, which is harmless (content-addressed) and never the reverse, a
 * row whose bytes are missing. Pass the open transaction as `db`.
 */
export async function storeAttachment(
  db: Executor,
  store: FileStore,
  input: StoreAttachmentInput,
  policy: AttachmentPolicy = {},
): Promise<StoredFile & { deduplicated: boolean }> {
  const name = cleanFileName(input.originalName);
  if (!name) throw invalid('files.nameRequired', '附件须有文件名', 'originalName');
  const maxBytes = policy.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  if (input.bytes.length > maxBytes) {
    throw tooLarge(maxBytes, `附件“${name}”(${formatBytes(input.bytes.length)})`);
  }
  if (input.bytes.length === 0) throw invalid('files.empty', `附件“${name}”是空文件`, 'file');
  const type = await checkAttachmentType(input.bytes, name, policy.allowed);
  const { sha256, size } = await store.put(input.bytes);
  const inserted = await db
    .insertInto('stored_file')
    .values({ sha256, size, mime: type.mime, original_name: name, created_by: input.createdBy })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst();
  const row = await getStoredFile(db, sha256);
  return { ...row, deduplicated: inserted === undefined };
}

export async function findStoredFile(db: Executor, sha256: string): Promise<StoredFile | undefined> {
  assertSha256(sha256);
  const r = await db.selectFrom('stored_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return r && toStoredFile(r);
}

export async function getStoredFile(db: Executor, sha256: string): Promise<StoredFile> {
  const f = await findStoredFile(db, sha256);
  if (!f) throw notFound('files.notFound', '附件不存在');
  return f;
}

function toStoredFile(r: {
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  created_by: string | null;
  created_at: Date;
}): StoredFile {
  return {
    sha256: r.sha256,
    size: Number(r.size),
    mime: r.mime,
    originalName: r.original_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export interface AttachmentCheck {
  sha256: string;
  originalName: string;
  status: VerifyStatus;
}

/** Re-hashes one recorded attachment's bytes: 'ok', 'missing' or 'corrupt' (swapped or damaged). */
export async function verifyAttachment(
  db: Executor,
  store: FileStore,
  sha256: string,
): Promise<AttachmentCheck> {
  const f = await getStoredFile(db, sha256);
  return { sha256, originalName: f.originalName, status: await store.verify(sha256) };
}

/**
 * Re-hashes every recorded attachment (for `fazhi files verify` and backups), in pages so
 * neither the list nor the bytes are held at once. Returns the count and the problems.
 */
export async function verifyAllAttachments(
  db: Executor,
  store: FileStore,
  onProgress: (checked: number) => void = () => {},
): Promise<{ checked: number; problems: AttachmentCheck[] }> {
  const problems: AttachmentCheck[] = [];
  let checked = 0;
  let after = '';
  for (;;) {
    const page = await db
      .selectFrom('stored_file')
      .select(['sha256', 'original_name'])
      .where('sha256', '>', after)
      .orderBy('sha256')
      .limit(500)
      .execute();
    for (const f of page) {
      const status = await store.verify(f.sha256);
      if (status !== 'ok') problems.push({ sha256: f.sha256, originalName: f.original_name, status });
      checked++;
    }
    onProgress(checked);
    const last = page[page.length - 1];
    if (!last || page.length < 500) break;
    after = last.sha256;
  }
  return { checked, problems };
}
