import { formatImportStatus, type ImportStatus } from '../platform/io/index.js';

/**
 * The import's progress on stderr: one line rewritten in place on a terminal (4 times a
 * second), a line every 5 seconds into a log file; the last status is always shown.
 */
export function progressLine(
  stream: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean },
  now: () => number = Date.now,
) {
  const tty = stream.isTTY === true;
  let last: ImportStatus | null = null;
  let shown: ImportStatus | null = null;
  let at = Number.NEGATIVE_INFINITY;
  const show = (s: ImportStatus) => {
    shown = s;
    at = now();
    stream.write(tty ? `\r\x1b[2K${formatImportStatus(s)}` : `${formatImportStatus(s)}\n`);
  };
  return {
    update: (s: ImportStatus) => {
      last = s;
      if (now() - at >= (tty ? 250 : 5000)) show(s);
    },
    end: () => {
      if (last && last !== shown) show(last);
      if (tty && shown) stream.write('\n');
    },
  };
}
