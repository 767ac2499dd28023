import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../errors.js';

/** A type attachments may have: what the bytes are, the names it may carry, and what to call it. */
export interface AttachmentType {
  mime: string;
  /** Extensions a file name of this type may end in (lower case, no dot). */
  extensions: readonly string[];
  /** Chinese name for messages. */
  label: string;
}

/**
 * The default allow-list: documents, images, and the audio and video of 执法全过程记录.
 * Keys are file-type's `ext` (for bytes it recognises) or 'txt'/'csv' (UTF-8 text).
 */
export const ATTACHMENT_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF 文档' },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  gif: { mime: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  webp: { mime: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
  mp4: { mime: 'video/mp4', extensions: ['mp4'], label: 'MP4 视频' },
  mp3: { mime: 'audio/mpeg', extensions: ['mp3'], label: 'MP3 音频' },
  // Some recorders save audio-only MP4 files with an .mp4 name.
  m4a: { mime: 'audio/mp4', extensions: ['m4a', 'mp4'], label: 'M4A 音频' },
  wav: { mime: 'audio/wav', extensions: ['wav'], label: 'WAV 音频' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 表格',
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint 演示文稿',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'ODF 文字文档' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], label: 'ODF 表格' },
  txt: { mime: 'text/plain', extensions: ['txt', 'text', 'log'], label: '文本文件' },
  csv: { mime: 'text/csv', extensions: ['csv'], label: 'CSV 表格' },
} as const satisfies Record<string, AttachmentType>;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

/** What the bytes say the file is. `allowed` is false for recognised types outside the list. */
export interface Sniffed {
  kind: string;
  mime: string;
  label: string;
}

/** Names for common types that are recognised only to be refused. */
const REFUSED_LABELS: Record<string, string> = {
  exe: 'Windows 可执行程序',
  elf: 'Linux 可执行程序',
  macho: 'macOS 可执行程序',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  html: '网页文件',
  xml: 'XML 文件',
  cfb: '旧版 Office 文档(doc/xls)',
};

/** Valid UTF-8 with no NUL or other binary control bytes (tab, line breaks, form feed, ESC are fine). */
function isUtf8Text(bytes: Uint8Array): boolean {
  // In UTF-8 these bytes only ever stand for themselves, never inside a multi-byte character.
  for (const b of bytes) if (b < 0x20 && (b <= 0x08 || (b >= 0x0e && b !== 0x1b))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Detects the type from the content with file-type (magic numbers and, for Office files, the
 * zip's entries). Text has no magic number: UTF-8 validity decides, and the name tells plain
 * text from CSV.
 */
export async function sniff(bytes: Uint8Array, name: string): Promise<Sniffed | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const kind = found.ext === 'jpg' || found.ext === 'jpeg' ? 'jpg' : found.ext;
    const known = (ATTACHMENT_TYPES as Record<string, AttachmentType>)[kind];
    return {
      kind,
      mime: known?.mime ?? found.mime,
      label: known?.label ?? REFUSED_LABELS[kind] ?? `${found.ext} 文件`,
    };
  }
  if (isUtf8Text(bytes)) {
    const kind = extensionOf(name) === 'csv' ? 'csv' : 'txt';
    return { kind, mime: ATTACHMENT_TYPES[kind].mime, label: ATTACHMENT_TYPES[kind].label };
  }
  return undefined;
}

const unsupported = (message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('files.unsupported', message, 'unsupported', { field: 'file', ...extra });

/**
 * The checked type of an upload: refused when the bytes are of a type outside `allowed`, or
 * when the file name's extension claims another type than the bytes (a “.pdf” that is an
 * executable). A name without an extension takes the type of its bytes.
 */
export async function checkAttachmentType(
  bytes: Uint8Array,
  name: string,
  allowed: readonly AttachmentKind[] = Object.keys(ATTACHMENT_TYPES) as AttachmentKind[],
): Promise<AttachmentType & { kind: AttachmentKind }> {
  const allowedLabels = [...new Set(allowed.map((k) => ATTACHMENT_TYPES[k].label))].join('、');
  const found = await sniff(bytes, name);
  if (!found) {
    throw unsupported(`无法识别“${name}”的文件类型,不能上传。允许的类型:${allowedLabels}`);
  }
  const kind = allowed.find((k) => k === found.kind);
  if (!kind) {
    throw unsupported(`“${name}”的内容是${found.label},不允许上传。允许的类型:${allowedLabels}`, {
      detected: found.mime,
    });
  }
  const type = ATTACHMENT_TYPES[kind];
  const ext = extensionOf(name);
  if (ext && !(type.extensions as readonly string[]).includes(ext)) {
    throw unsupported(`“${name}”的扩展名是 .${ext},但内容是${type.label},两者不符,不能上传`, {
      detected: type.mime,
    });
  }
  return { ...type, kind };
}
