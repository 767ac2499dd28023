import { describe, expect, it } from 'vitest';
import { multipartFile } from './multipart.js';

describe('multipartFile', () => {
  it('returns the bytes of the file field as the browser sends them', async () => {
    const form = new FormData();
    form.append('note', 'x');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff]);
    form.append('file', new Blob([bytes]), '案件.xlsx');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const file = multipartFile(body, req.headers.get('content-type') ?? undefined);
    expect(file && [...file]).toEqual([...bytes]);
  });

  it('answers undefined without a boundary or a file field', () => {
    expect(multipartFile(Buffer.from('abc'), 'multipart/form-data')).toBeUndefined();
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nv\r\n--b--\r\n');
    expect(multipartFile(body, 'multipart/form-data; boundary=b')).toBeUndefined();
  });
});
