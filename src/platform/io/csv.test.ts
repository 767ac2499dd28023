import { describe, expect, it } from 'vitest';
import { csvField, decodeText, detectEncoding, parseCsv } from './csv.js';
import type { SheetRow } from './xlsx-reader.js';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}

async function rowsOf(bytes: AsyncIterable<Uint8Array>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of parseCsv(decodeText(bytes))) out.push(r);
  return out;
}

/** GB18030 bytes of 案件编号,当事人 / A1,张三 — what a Chinese Windows Excel saves as “CSV (逗号分隔)”. */
const GB_HEADER = Uint8Array.from([
  0xb0, 0xb8, 0xbc, 0xfe, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb5, 0xb1, 0xca, 0xc2, 0xc8, 0xcb, 0x0d, 0x0a, 0x41,
  0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x0d, 0x0a,
]);

describe('CSV reading', () => {
  it('parses quotes, doubled quotes, embedded commas and line breaks, CRLF and a missing final newline', async () => {
    const rows = await rowsOf(chunks('a,"b,1","say ""hi""",\r\n"two\r\nlines",x,,y\r\nlast,row'));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b,1', 'say "hi"', null] },
      { row: 2, cells: ['two\r\nlines', 'x', null, 'y'] },
      { row: 3, cells: ['last', 'row'] },
    ]);
  });

  it('handles a quote, a CRLF and a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('案件,"a""b"\r\n张三,2\r\n', 'utf8');
    const parts = [bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9, 14), bytes.subarray(14)];
    expect(await rowsOf(chunks(...parts))).toEqual([
      { row: 1, cells: ['案件', 'a"b'] },
      { row: 2, cells: ['张三', '2'] },
    ]);
  });

  it('drops the UTF-8 BOM Excel writes', async () => {
    const rows = await rowsOf(chunks(Uint8Array.from([0xef, 0xbb, 0xbf]), '案件编号,当事人\n'));
    expect(rows[0]?.cells).toEqual(['案件编号', '当事人']);
  });

  it('recognises GB18030 when the bytes are not UTF-8', async () => {
    expect(detectEncoding(GB_HEADER)).toBe('gb18030');
    expect(await rowsOf(chunks(GB_HEADER))).toEqual([
      { row: 1, cells: ['案件编号', '当事人'] },
      { row: 2, cells: ['A1', '张三'] },
    ]);
  });

  it('reads UTF-16 tab-separated text (Excel “Unicode 文本”)', async () => {
    const body = Buffer.from('\uFEFF案件编号\t当事人\r\nA1\t张三\r\n', 'utf16le');
    expect(await rowsOf(chunks(body))).toEqual([
      { row: 1, cells: ['案件编号', '当事人'] },
      { row: 2, cells: ['A1', '张三'] },
    ]);
  });

  it('refuses a file that turns into invalid UTF-8 after a UTF-8 start', async () => {
    await expect(rowsOf(chunks('案件编号,当事人\r\n', GB_HEADER.subarray(17)))).rejects.toMatchObject({
      code: 'io.encoding',
    });
  });
});

describe('CSV writing', () => {
  it('quotes what needs quoting and defuses formulas, and reading restores the text', async () => {
    const texts = ['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+1', '@SUM(A1)', '-x', '+86 123', ' padded '];
    const line = `${texts.map(csvField).join(',')}\r\n`;
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-12.5')).toBe('-12.5');
    const [row] = await rowsOf(chunks(line));
    expect(row?.cells).toEqual(texts);
  });
});
