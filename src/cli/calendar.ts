import fs from 'node:fs';
import type { Command } from 'commander';
import { systemCtx } from '../platform/context.js';
import { loadWorkCalendar, parseArrangementFile, parseLocalDate } from '../platform/calendar/index.js';
import { loadArrangement } from '../platform/calendar/service.js';
import { addCalendarDays, addWorkdays, provisionalReason } from '../platform/clock/index.js';
import { invalid } from '../platform/errors.js';
import { dueDateRecomputes } from '../domains/index.js';
import { withDatabase } from './db.js';

/** Excel on Chinese Windows saves CSV as GBK: decode UTF-8 when valid, else GB18030. */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** One line: the records whose stored due date the load moved, per ledger. */
export function recomputeSummary(counts: readonly { ledger: string; changed: number }[]): string {
  const total = counts.reduce((n, c) => n + c.changed, 0);
  if (total === 0) return '已存期限无变化';
  const parts = counts.filter((c) => c.changed > 0).map((c) => `${c.ledger} ${c.changed} 条`);
  return `已重算期限:${parts.join(',')}(共 ${total} 条)`;
}

export function registerCalendarCommands(program: Command): void {
  const cal = program.command('calendar').description('节假日安排与期限计算');
  cal
    .command('load <file>')
    .description('载入一年的节假日安排(.json 或 .csv),替换该年已有的安排')
    .action(async (file: string) => {
      if (!fs.existsSync(file)) throw invalid('calendar.missingFile', `文件不存在:${file}`, 'file');
      const arrangement = parseArrangementFile(file, decodeText(fs.readFileSync(file)));
      await withDatabase(async (h) => {
        const r = await loadArrangement(systemCtx(h.db), arrangement, dueDateRecomputes);
        process.stdout.write(
          `已${r.replaced ? '替换' : '载入'} ${r.year} 年安排:放假 ${r.holidays} 天,调休上班 ${r.workdays} 天\n`,
        );
        process.stdout.write(`${recomputeSummary(r.recomputed)}\n`);
      });
    });
  cal
    .command('add <date> <n>')
    .description('计算期限:日期加 n 日(默认自然日;--workdays 为工作日)')
    .option('--workdays', '按工作日计算')
    .action(async (date: string, n: string, o: { workdays?: boolean }) => {
      const start = parseLocalDate(date, 'date');
      const amount = Number(n);
      if (!Number.isInteger(amount)) throw invalid('calendar.badAmount', `天数应为整数:${n}`, 'n');
      if (!o.workdays) {
        process.stdout.write(`${addCalendarDays(start, amount)}\n`);
        return;
      }
      await withDatabase(async (h) => {
        const calendar = await loadWorkCalendar(h.db);
        const due = addWorkdays(calendar, start, amount);
        process.stdout.write(`${due}\n`);
        // the date alone on stdout (for scripts); the provisional mark and its reason on stderr
        const reason = provisionalReason(calendar, due, start);
        if (reason) process.stderr.write(`暂估:${reason}\n`);
      });
    });
}
