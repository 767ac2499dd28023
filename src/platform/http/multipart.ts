/**
 * The `file` field of a multipart/form-data body (the web app's upload: one file under `file`),
 * or undefined. Uploads are small ledgers already held in memory by the body limit, so a plain
 * scan for the boundary does; nothing is written to disk.
 */
export function multipartFile(body: Buffer, contentType: string | undefined): Buffer | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) return undefined;
    // a part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      if (/content-disposition:[^\r\n]*\bname="file"/i.test(headers)) return part.subarray(split + 4);
    }
    start = next;
  }
  return undefined;
}

/** One part of a multipart/form-data body: a field (`value`) or a file (`filename` and `bytes`). */
export interface MultipartPart {
  name: string;
  filename?: string | undefined;
  bytes: Buffer;
}

/**
 * Every part of a multipart/form-data body (a public form with fields and several files), or
 * undefined when the body is not one. Same plain scan as `multipartFile`; the body limit bounds it.
 */
export function multipartParts(body: Buffer, contentType: string | undefined): MultipartPart[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
      const filename = /content-disposition:[^\r\n]*\bfilename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) parts.push({ name, filename, bytes: part.subarray(split + 4) });
    }
    start = next;
  }
  return parts;
}
