import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';

/** Minimal files of each kind, as their magic numbers and containers make them. */
const ftyp = (brand: string) => {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(32, 0);
  b.write('ftyp', 4);
  b.write(brand, 8);
  b.write(brand, 16);
  b.write('isom', 20);
  return b;
};
const riff = (form: string, chunk: string) => {
  const b = Buffer.alloc(44);
  b.write('RIFF', 0);
  b.writeUInt32LE(36, 4);
  b.write(form, 8);
  b.write(chunk, 12);
  return b;
};

export const SAMPLES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpg: Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
  ]),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  webp: riff('WEBP', 'VP8 '),
  wav: riff('WAVE', 'fmt '),
  mp4: ftyp('isom'),
  m4a: ftyp('M4A '),
  mp3: Buffer.concat([
    Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'),
    Buffer.from([0xff, 0xfb, 0x90, 0x64]),
    Buffer.alloc(200),
  ]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)]),
  txt: Buffer.from('行政处罚决定书\r\n当事人:张三\t罚款 200 元\n', 'utf8'),
  csv: Buffer.from('\uFEFF案件编号,当事人\r\nA-1,张三\r\n', 'utf8'),
  /** “当事人” in GB18030: text, but not UTF-8. */
  gbText: Buffer.from([0xb5, 0xb1, 0xca, 0xc2, 0xc8, 0xcb, 0x0d, 0x0a]),
};

export async function xlsxSample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(['案件编号']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function docxSample(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('听证笔录')] }] }));
}
