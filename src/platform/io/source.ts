import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors.js';
import { type CsvEncoding, decodeText, parseCsv } from './csv.js';
import { readXlsxRows, type SheetRow } from './xlsx-reader.js';

/**
 * Where an import reads from. It is read twice (validate, then write), so it must be
 * re-openable: a file path, bytes already in memory, or a function opening a fresh stream.
 * An HTTP upload is spooled to a temporary file first (see `spoolToTempFile`).
 */
export type ImportSource = string | Uint8Array | (() => Readable | AsyncIterable<Uint8Array>);
export type ImportFormat = 'xlsx' | 'csv';

export function openSource(source: ImportSource): AsyncIterable<Uint8Array> {
  if (typeof source === 'string') return fs.createReadStream(source);
  if (source instanceof Uint8Array) {
    return (async function* () {
      yield source;
    })();
  }
  return source();
}

async function* tap(
  bytes: AsyncIterable<Uint8Array>,
  hash: Hash,
  count: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    hash.update(chunk);
    count(chunk.byteLength);
    yield chunk;
  }
}

/** The size of a source in bytes when it is known without reading it (a file, bytes in memory). */
export function sourceSize(source: ImportSource): number | null {
  if (typeof source === 'string') return fs.statSync(source).size;
  if (source instanceof Uint8Array) return source.byteLength;
  return null;
}

async function peek(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = bytes[Symbol.asyncIterator]();
  const first = await it.next();
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first.done) return;
    yield first.value;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: first.done ? new Uint8Array(0) : first.value, all: all() };
}

const isZip = (h: Uint8Array) => h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04;
const isOle = (h: Uint8Array) => h[0] === 0xd0 && h[1] === 0xcf && h[2] === 0x11 && h[3] === 0xe0;

export interface OpenedRows {
  format: ImportFormat;
  rows: AsyncIterable<SheetRow>;
  /** CSV only: the encoding detected (known once the first row has been read). */
  encoding(): CsvEncoding | undefined;
  /** SHA-256 of the bytes read so far: complete once `rows` is exhausted. */
  digest(): string;
  /** Bytes of the source read so far (ahead of the rows by at most one chunk). */
  bytesRead(): number;
}

/** Opens a source as rows, telling .xlsx from CSV by the bytes, not by the file name. */
export async function openRows(
  source: ImportSource,
  opts: { format?: ImportFormat; sheet?: string },
): Promise<OpenedRows> {
  const hash = createHash('sha256');
  let bytesRead = 0;
  const { head, all } = await peek(
    tap(openSource(source), hash, (n) => {
      bytesRead += n;
    }),
  );
  if (isOle(head)) {
    throw new DomainError(
      'io.xlsNotSupported',
      '不支持旧版 .xls 文件:请在 Excel 中“另存为” .xlsx 格式后再导入',
      'unsupported',
      {
        field: 'file',
      },
    );
  }
  const format = opts.format ?? (isZip(head) ? 'xlsx' : 'csv');
  let encoding: CsvEncoding | undefined;
  const rows =
    format === 'xlsx'
      ? readXlsxRows(all, opts.sheet)
      : parseCsv(
          decodeText(all, (e) => {
            encoding = e;
          }),
        );
  let digest: string | undefined;
  return {
    format,
    rows,
    encoding: () => encoding,
    bytesRead: () => bytesRead,
    digest: () => {
      digest ??= hash.digest('hex');
      return digest;
    },
  };
}
