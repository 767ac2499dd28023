import { z } from 'zod';
import { can, type Ctx } from '../platform/context.js';
import { writeTx } from '../platform/db/tx.js';
import { DomainError, invalid, notFound } from '../platform/errors.js';
import {
  cleanFileName,
  type FileStore,
  findStoredFile,
  LocalFileStore,
  storeAttachment,
} from '../platform/files/index.js';
import { Text } from '../platform/validation.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { sendStoredFile } from '../platform/http/files.js';

/**
 * What the uploader is told: their own file's digest, size, type and name. Nothing of the
 * stored row that could belong to someone else's earlier upload of the same bytes (whether it
 * existed, its name, who or when) — that would tell a user what others stored (issue #10).
 */
export interface UploadedFile {
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
}

/** Stores an uploaded attachment by SHA-256; the upload is audited like every write. */
export async function uploadAttachment(
  ctx: Ctx,
  store: FileStore,
  bytes: Uint8Array,
  originalName: string,
): Promise<UploadedFile> {
  return writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const file = await storeAttachment(trx, store, { bytes, originalName, createdBy: ctx.actor.userId });
    audit({
      action: 'file.upload',
      entity: 'stored_file',
      entityId: file.sha256,
      change: { name: originalName, size: file.size, mime: file.mime },
    });
    return {
      sha256: file.sha256,
      size: file.size,
      mime: file.mime,
      originalName: cleanFileName(originalName),
    };
  });
}

/** An attachment's original name as the header gives it: the one text rule, 200 characters. */
const FileName = Text(200);

const Sha = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '不是有效的 SHA-256 摘要') });

export function registerFileRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const store = opts.dataDir ? new LocalFileStore(opts.dataDir) : null;
  const needStore = (): FileStore => {
    if (!store) throw new DomainError('files.unavailable', '本服务未配置附件存储目录', 'unavailable');
    return store;
  };
  const tags = ['附件'];

  app.post(
    '/api/files',
    { schema: { tags, summary: '上传附件(请求体为文件内容,文件名放在 x-file-name 头,URL 编码)' } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const body = req.body;
      if (!(body instanceof Buffer) || body.length === 0)
        throw invalid('files.empty', '请上传文件内容', 'file');
      const raw = req.headers['x-file-name'];
      let name = '';
      try {
        name = typeof raw === 'string' ? decodeURIComponent(raw) : '';
      } catch {
        throw invalid('files.badName', '文件名编码不正确(应为 URL 编码)', 'x-file-name');
      }
      // the one text rule, checked before a byte is stored (issue #10 D3: NUL stored the file, then failed the audit)
      const checked = FileName.safeParse(name);
      if (!checked.success)
        throw invalid('files.badName', `文件名${checked.error.issues[0]?.message ?? '无效'}`, 'x-file-name');
      name = checked.data;
      const file = await uploadAttachment(ctx, needStore(), new Uint8Array(body), name);
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/api/files/:sha256',
    { schema: { tags, summary: '下载附件(校验摘要)', params: Sha } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const meta = await findStoredFile(db, req.params.sha256);
      // attachments are reached through the records that cite them; directly only by the uploader
      if (!meta || !(can(ctx.actor, '*') || meta.createdBy === ctx.actor.userId))
        throw notFound('files.notFound', '附件不存在或无权查看');
      const bytes = await needStore().get(meta.sha256);
      return sendStoredFile(reply, meta, bytes);
    },
  );
}
