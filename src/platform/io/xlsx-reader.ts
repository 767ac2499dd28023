import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { DomainError } from '../errors.js';
import type { CellInput } from './columns.js';

/**
 * exceljs 4.4's streaming reader decodes each zip chunk to text on its own, so a Chinese
 * character split across two chunks turns into '��' — about one row in several thousand
 * (exceljs issues #2063, #2084, #2316; fixes #1665, #2894 unmerged). This subclass hands
 * exceljs text decoded across chunk boundaries instead: worksheet chunks go through a
 * streaming TextDecoder, and the other entries get `setEncoding('utf8')` (a StringDecoder).
 * Only this subclass is changed, never exceljs' own prototype. The 100,000-row import test
 * fails if this stops working.
 */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): unknown;
  _parseWorkbook(entry: Readable): unknown;
  _parseStyles(entry: Readable): unknown;
  _parseRels(entry: Readable): unknown;
  _getStream(input: unknown): Readable;
}

async function* utf8Chunks(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
{
  const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
  const own = Utf8SafeWorkbookReader.prototype as unknown as ReaderInternals;
  for (const name of [
    '_parseWorksheet',
    '_parseSharedStrings',
    '_parseWorkbook',
    '_parseStyles',
    '_parseRels',
    '_getStream',
  ] as const) {
    if (typeof base[name] !== 'function')
      throw new Error(`exceljs 内部方法 ${name} 已不存在:请检查 xlsx-reader.ts 的兼容处理`);
  }
  own._parseWorksheet = function (this: ReaderInternals, iterator, sheetNo) {
    return base._parseWorksheet.call(this, utf8Chunks(iterator), sheetNo);
  };
  for (const name of ['_parseSharedStrings', '_parseWorkbook', '_parseStyles', '_parseRels'] as const) {
    own[name] = function (this: ReaderInternals, entry: Readable) {
      entry.setEncoding('utf8');
      return base[name].call(this, entry);
    };
  }
  own._getStream = function (this: ReaderInternals, input) {
    const stream = base._getStream.call(this, input);
    // exceljs pipes the file into the zip parser it has just made: that is where it is caught
    const pipe = stream.pipe.bind(stream);
    stream.pipe = <T extends NodeJS.WritableStream>(dest: T, opts?: { end?: boolean }): T => {
      holdEarlyEnd(dest);
      return pipe(dest, opts);
    };
    return stream;
  };
}

/**
 * exceljs parses a worksheet at once when the shared strings and the workbook's rels came before
 * it, and then reads the sheet's name from `model` — set only by xl/workbook.xml. A zip that puts
 * workbook.xml after a sheet (exceljs' own writeBuffer does at times) fails with "Cannot read
 * properties of undefined (reading 'sheets')". Until the workbook is parsed, the rels read as
 * absent, so exceljs parks such a sheet in its temporary file and parses it after the last entry.
 */
type Parked = { model?: unknown; parkedRels?: unknown };
Object.defineProperty(Utf8SafeWorkbookReader.prototype, 'workbookRels', {
  configurable: true,
  get(this: Parked) {
    return this.model ? this.parkedRels : undefined;
  },
  set(this: Parked, rels: unknown) {
    this.parkedRels = rels;
  },
});

/**
 * unzipper 0.10 (exceljs' zip reader) emits 'end' on its zip stream as soon as the last byte of
 * the file is parsed (on 'finish'), while entries it has parsed may still wait, unread, in the
 * stream's buffer. exceljs' loop then stops there: when a sheet was parked and the shared strings
 * and styles came after it, they were never read, and every text cell of the sheet came back
 * empty ("未找到表头", a row missing its texts). It hit one in a few hundred test imports; re-zipped
 * in each of the 120 orders of the five workbook parts, 6 or 7 orders lost it on every run. The
 * zip stream this reader pipes into lets only the readable side's own end through: the early
 * 'end' and 'close', sent from inside the 'finish' handlers, are held back. The parser ends the
 * readable side itself when it reads the zip's closing record; it has one path that stops without
 * (`_readRecord` on an empty read, which no cut file reached in the tests), so wherever the early
 * end came before, an end still comes: pushed once the whole file is parsed, if the parser gave none.
 */
function holdEarlyEnd(zip: NodeJS.WritableStream): void {
  const stream = zip as unknown as Readable;
  let finishing = false;
  let ended = false;
  const push = stream.push;
  stream.push = function (this: Readable, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk === null) {
      if (ended) return false;
      ended = true;
    }
    return push.call(this, chunk, encoding);
  };
  stream.prependListener('finish', () => {
    finishing = true;
  });
  stream.on('finish', () => {
    finishing = false;
    setImmediate(() => {
      if (!ended) stream.push(null);
    });
  });
  const emit = stream.emit;
  stream.emit = function (this: Readable, event: string | symbol, ...args: unknown[]) {
    if (finishing && (event === 'end' || event === 'close')) return false;
    return emit.call(this, event, ...args);
  } as Readable['emit'];
}
/** One worksheet row: its Excel row number and its cells from column A (index 0). */
export interface SheetRow {
  row: number;
  cells: CellInput[];
}

/** Flattens exceljs' cell shapes (rich text, hyperlinks, formulas, errors) to a plain cell. */
export function plainCell(value: CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    // exceljs puts rich text inside hyperlink cells too.
    if (typeof text === 'object' && text !== null && 'richText' in text) {
      return plainCell(text as CellValue);
    }
    return typeof text === 'string' ? text : null;
  }
  if ('error' in value) return value.error;
  if ('result' in value) {
    const r = value.result;
    if (r === undefined) return null;
    return typeof r === 'object' && !(r instanceof Date) ? r.error : r;
  }
  return null;
}

/**
 * Streams the rows of one worksheet with exceljs' WorkbookReader: the zip is read entry by
 * entry and the sheet XML parsed with SAX, so memory does not grow with the row count (the
 * 400k-row OOM of RULES §5). Excel writes sheets before the shared strings; exceljs then
 * parks the sheet in a temporary file, not in memory. Shared strings themselves are cached:
 * that is inherent to the format and bounded by the distinct texts, not by the rows.
 *
 * `sheet`: a worksheet name; by default the first worksheet in the file.
 */
export async function* readXlsxRows(
  bytes: AsyncIterable<Uint8Array>,
  sheet?: string,
): AsyncGenerator<SheetRow> {
  const reader = new Utf8SafeWorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const ws of reader) {
      // exceljs sets the sheet's name on the reader; its typings omit it.
      const name = (ws as { name?: string }).name;
      const wanted = !found && (sheet === undefined || name === sheet);
      // Sheets we skip are still drained: the zip is one stream and the next entry waits.
      for await (const row of ws) {
        if (!wanted) continue;
        const cells: CellInput[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = plainCell(cell.value);
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        yield { row: row.number, cells };
      }
      if (wanted) found = true;
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError(
      'io.badFile',
      `无法读取 Excel 文件:${err instanceof Error ? err.message : String(err)}。请确认文件是 .xlsx 格式且未损坏`,
      'invalid',
      { field: 'file' },
    );
  }
  if (!found) {
    throw new DomainError(
      'io.sheetNotFound',
      sheet ? `文件中没有名为“${sheet}”的工作表` : '文件中没有工作表',
      'invalid',
      { field: 'file' },
    );
  }
}
