import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from './xlsx-reader.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function rowsOf(bytes: Uint8Array, sheet?: string) {
  const out: unknown[][] = [];
  for await (const r of readXlsxRows(once(bytes), sheet)) out.push(r.cells);
  return out;
}

/** A two-sheet workbook with shared strings, re-zipped with its entries in the given order. */
async function workbook(order: (names: string[]) => string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为导入模板']);
  const ws = wb.addWorksheet('案件');
  ws.addRow(['案件编号', '当事人名称']);
  ws.addRow(['开市监罚〔2025〕1号', '开远市云岭食品有限公司']);
  ws.addRow(['开市监罚〔2025〕2号', '开远市云岭食品有限公司']);
  const src = await JSZip.loadAsync(await wb.xlsx.writeBuffer({ useSharedStrings: true }));
  const names = Object.keys(src.files).filter((n) => !src.files[n]?.dir);
  const out = new JSZip();
  for (const n of order(names)) out.file(n, (await src.file(n)?.async('uint8array')) ?? new Uint8Array());
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const expected = [
  ['案件编号', '当事人名称'],
  ['开市监罚〔2025〕1号', '开远市云岭食品有限公司'],
  ['开市监罚〔2025〕2号', '开远市云岭食品有限公司'],
];

describe('readXlsxRows whatever order the zip entries come in', () => {
  const first = ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels'];
  const orders: [string, (names: string[]) => string[]][] = [
    ['as written', (n) => n],
    // other writers put the sheets and shared strings before xl/workbook.xml: exceljs then
    // met a sheet before knowing the workbook ("Cannot read properties of undefined")
    [
      'shared strings, rels and sheets before the workbook',
      (n) => [
        ...first,
        ...n.filter((x) => x.startsWith('xl/worksheets/')),
        ...n.filter((x) => !first.includes(x) && !x.startsWith('xl/worksheets/')),
      ],
    ],
    ['the workbook last', (n) => [...n.filter((x) => x !== 'xl/workbook.xml'), 'xl/workbook.xml']],
  ];
  it.each(orders)('%s: a named sheet is found and read', async (_name, order) => {
    const bytes = await workbook(order);
    expect(await rowsOf(bytes, '案件')).toEqual(expected);
    expect(await rowsOf(bytes)).toEqual([['本表为导入模板']]);
  });
});

describe('readXlsxRows in every order of the workbook parts', () => {
  const parts = [
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/worksheets/sheet2.xml',
  ];
  function* orders(rest: string[]): Generator<string[]> {
    if (rest.length <= 1) {
      yield rest;
      return;
    }
    for (const [i, x] of rest.entries())
      for (const tail of orders(rest.filter((_, j) => j !== i))) yield [x, ...tail];
  }
  // the zip parser ended its stream as soon as the file's last byte was parsed, before exceljs had
  // read the entries still in its buffer: after a parked sheet, the shared strings were lost and
  // every text cell read as empty (6 or 7 of these 120 orders, on every run)
  it('reads every text of the sheet whichever of the 120 orders the five parts come in', async () => {
    const wrong: string[] = [];
    for (const order of orders(parts)) {
      const bytes = await workbook((n) => [...n.filter((x) => !parts.includes(x)), ...order]);
      const rows = await rowsOf(bytes, '案件');
      if (JSON.stringify(rows) !== JSON.stringify(expected))
        wrong.push(`${order.join(' ')}: ${JSON.stringify(rows)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('readXlsxRows of a file cut short', () => {
  // the reader holds back the zip parser's early end: a file that stops where a part begins
  // (no closing record) must still end, read or refused, not leave the import waiting
  it('ends at every cut — read when the sheet is whole, else an error naming the file — never waiting for more', async () => {
    const bytes = Buffer.from(await workbook((n) => n));
    const starts: number[] = [];
    for (let i = bytes.indexOf('PK', 1); i > 0; i = bytes.indexOf('PK', i + 2)) starts.push(i);
    expect(starts.length).toBeGreaterThan(10);
    const outcomes = new Set<unknown>();
    for (const at of starts) {
      const read = rowsOf(bytes.subarray(0, at));
      const late = new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000));
      const outcome = await Promise.race([
        read.then(
          (rows) => (JSON.stringify(rows) === JSON.stringify([['本表为导入模板']]) ? 'read' : 'wrong rows'),
          (e: { details?: { field?: string } }) => e.details?.field,
        ),
        late,
      ]);
      expect(['read', 'file'], `cut at byte ${at}`).toContain(outcome);
      outcomes.add(outcome);
    }
    expect([...outcomes].sort()).toEqual(['file', 'read']);
  });
});
