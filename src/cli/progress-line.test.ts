import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../platform/io/index.js';
import { ImportMeter } from '../platform/io/index.js';
import { progressLine } from './progress-line.js';

/** A clock the test moves by hand. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const raw = (p: Partial<ImportProgress> & Pick<ImportProgress, 'phase'>): ImportProgress => ({
  rowsRead: 0,
  rowsWritten: 0,
  rowsTotal: null,
  bytesRead: 0,
  bytesTotal: 1_000_000,
  ...p,
});

describe('import progress as the user reads it', () => {
  it('counts rows read, checked and written and estimates the time left from the pace so far', () => {
    const c = clock();
    const meter = new ImportMeter(c.now);
    c.advance(10_000);
    // a quarter of the file checked in 10 s: 30 s more to check, then about as long to write
    const checking = meter.update(raw({ phase: 'validate', rowsRead: 3_000, bytesRead: 250_000 }));
    expect(checking).toMatchObject({ rowsRead: 3_000, rowsChecked: 3_000, rowsWritten: 0, etaSeconds: 70 });
    c.advance(30_000);
    const checked = meter.update(
      raw({ phase: 'validate', rowsRead: 12_000, bytesRead: 1_000_000, rowsTotal: 12_000 }),
    );
    expect(checked).toMatchObject({ rowsTotal: 12_000, percent: 50 });
    c.advance(16_000);
    // 8,000 of 12,000 written in 16 s: 8 s left
    const writing = meter.update(
      raw({ phase: 'write', rowsRead: 9_000, rowsWritten: 8_000, rowsTotal: 12_000 }),
    );
    expect(writing).toMatchObject({
      rowsRead: 12_000,
      rowsChecked: 12_000,
      rowsWritten: 8_000,
      etaSeconds: 8,
    });
    expect(writing.percent).toBe(83);
  });

  it('prints one line on stderr: rewritten in place on a terminal, every 5 s into a log, the last one always', () => {
    const c = clock();
    const lines: string[] = [];
    const meter = new ImportMeter(c.now);
    const tty = progressLine({ isTTY: true, write: (s: string) => lines.push(s) > 0 }, c.now);
    c.advance(1_000);
    tty.update(
      meter.update(raw({ phase: 'validate', rowsRead: 12_000, bytesRead: 1_000_000, rowsTotal: 12_000 })),
    );
    c.advance(100); // too soon to redraw
    tty.update(meter.update(raw({ phase: 'write', rowsWritten: 4_000, rowsTotal: 12_000 })));
    c.advance(1_000);
    tty.update(meter.update(raw({ phase: 'write', rowsWritten: 8_000, rowsTotal: 12_000 })));
    tty.end();
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('\r\x1b[2K已读 12,000 行 · 已校验 12,000 · 已写入 8,000 · 预计剩余 1 秒');
    expect(lines[2]).toBe('\n');

    const log: string[] = [];
    const file = progressLine({ isTTY: false, write: (s: string) => log.push(s) > 0 }, c.now);
    file.update(meter.update(raw({ phase: 'write', rowsWritten: 10_000, rowsTotal: 12_000 })));
    c.advance(1_000);
    file.update(meter.update(raw({ phase: 'write', rowsWritten: 12_000, rowsTotal: 12_000 })));
    file.end();
    expect(log).toEqual([
      expect.stringMatching(/^已读 12,000 行 · 已校验 12,000 · 已写入 10,000 · 预计剩余 \d+ 秒\n$/),
      '已读 12,000 行 · 已校验 12,000 · 已写入 12,000 · 预计剩余 0 秒\n',
    ]);
  });
});
