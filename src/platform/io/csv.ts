import { DomainError } from '../errors.js';
import type { SheetRow } from './xlsx-reader.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes a byte stream to text. A BOM decides; without one the text is UTF-8 if the first
 * chunk is valid UTF-8, else GB18030 (what Excel's plain “CSV (逗号分隔)” writes on a Chinese
 * Windows). A later chunk that breaks UTF-8 is refused rather than turned into mojibake.
 */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  onEncoding: (e: CsvEncoding) => void = () => {},
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let head: Uint8Array = new Uint8Array(0);
  for await (const chunk of bytes) {
    if (!decoder) {
      head = concat(head, chunk);
      if (head.length < 4) continue;
      const enc = detectEncoding(head);
      onEncoding(enc);
      // ignoreBOM: false (the default) strips a leading BOM.
      decoder = new TextDecoder(enc, { fatal: true });
      yield decodeChunk(decoder, head);
      continue;
    }
    yield decodeChunk(decoder, chunk);
  }
  if (!decoder) {
    if (head.length === 0) return;
    const enc = detectEncoding(head);
    onEncoding(enc);
    decoder = new TextDecoder(enc, { fatal: true });
    yield decodeChunk(decoder, head);
  }
  yield decodeChunk(decoder, undefined);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function decodeChunk(decoder: TextDecoder, chunk: Uint8Array | undefined): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new DomainError(
      'io.encoding',
      '文件编码无法识别:请在 Excel 中“另存为”→“CSV UTF-8(逗号分隔)”后重新导入',
      'invalid',
      { field: 'file' },
    );
  }
}

/**
 * Our CSV export prefixes a formula-like text with an apostrophe; reading drops it again (so a
 * text that really starts with "'=" loses its apostrophe: an accepted cost of the guard).
 */
const GUARDED = /^'[=+\-@\t\r]/;

/**
 * RFC 4180 records from a text stream: quoted fields may hold commas, quotes ("") and line
 * breaks. The row number is the record's position (what Excel shows as the row). A tab-
 * separated file (Excel's “Unicode 文本”) is recognised from its first line.
 */
export async function* parseCsv(text: AsyncIterable<string>): AsyncGenerator<SheetRow> {
  const parser = new CsvParser();
  let buffered = '';
  for await (const chunk of text) {
    if (parser.delimiter === undefined) {
      buffered += chunk;
      const nl = buffered.search(/[\r\n]/);
      if (nl < 0) continue;
      parser.delimiter = chooseDelimiter(buffered.slice(0, nl));
      yield* parser.consume(buffered);
      buffered = '';
    } else yield* parser.consume(chunk);
  }
  if (parser.delimiter === undefined) {
    parser.delimiter = chooseDelimiter(buffered);
    yield* parser.consume(buffered);
  }
  yield* parser.finish();
}

class CsvParser {
  delimiter: string | undefined;
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private pendingCr = false;
  private rowNumber = 0;

  *consume(s: string): Generator<SheetRow> {
    for (const ch of s) {
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else this.field += ch;
        continue;
      }
      if (ch === '"') {
        if (this.afterQuote) {
          // "" inside a quoted field is one quote.
          this.field += '"';
          this.quoted = true;
          this.afterQuote = false;
        } else if (this.field === '') this.quoted = true;
        else this.field += ch;
        continue;
      }
      this.afterQuote = false;
      if (ch === this.delimiter) this.endField();
      else if (ch === '\n' || ch === '\r') {
        this.pendingCr = ch === '\r';
        yield this.endRecord();
      } else this.field += ch;
    }
  }

  *finish(): Generator<SheetRow> {
    if (this.field !== '' || this.fields.length > 0 || this.quoted) yield this.endRecord();
  }

  private endField() {
    this.fields.push(GUARDED.test(this.field) ? this.field.slice(1) : this.field);
    this.field = '';
    this.afterQuote = false;
  }

  private endRecord(): SheetRow {
    this.endField();
    this.rowNumber++;
    const row = { row: this.rowNumber, cells: this.fields.map((f) => (f === '' ? null : f)) };
    this.fields = [];
    return row;
  }
}

function chooseDelimiter(firstLine: string): string {
  const tabs = firstLine.split('\t').length;
  const commas = firstLine.split(',').length;
  return tabs > commas ? '\t' : ',';
}

/** Quotes a CSV field when needed, and defuses formula injection for spreadsheet users. */
export function csvField(text: string): string {
  // OWASP CSV injection: Excel would run “=HYPERLINK(…)” typed by a member of the public.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(?:\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const UTF8_BOM = '\uFEFF';
