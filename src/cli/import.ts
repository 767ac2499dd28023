import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Ctx, systemCtx } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { loadIdentity } from '../domains/org/auth-service.js';
import { findUserIdByUsername } from '../domains/org/user-service.js';
import { importCases, writeCaseErrorReport } from '../domains/enforcement/cases/import/import.js';
import { withDatabase } from './db.js';
import { progressLine } from './progress-line.js';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

/** `fazhi import cases <file>`: the historical case import of the web page, through the same service. */
export function registerImportCommands(program: Command): void {
  const imp = program.command('import').description('导入台账数据');
  imp
    .command('cases <file>')
    .description('导入行政执法案件历史数据(Excel 或 CSV;有一行错误则全部不导入,并生成错误报告)')
    .option('--user <username>', '以该用户的身份和数据权限导入(默认:系统,全部范围)')
    .option('--errors <file>', '错误报告的保存位置', '')
    .action(async (file: string, o: { user?: string; errors: string }) => {
      const source = path.resolve(file);
      if (!fs.existsSync(source)) throw new DomainError('import.noFile', `文件 ${file} 不存在`, 'invalid');
      await withDatabase(async (h) => {
        let ctx: Ctx = systemCtx(h.db);
        if (o.user) {
          const id = await findUserIdByUsername(h.db, o.user);
          const identity = id ? await loadIdentity(h.db, id, null) : null;
          if (!identity) throw new DomainError('user.notFound', `用户 ${o.user} 不存在或已停用`, 'notFound');
          ctx = { ...ctx, actor: identity.actor, scope: identity.scope };
        }
        const started = Date.now();
        const progress = progressLine(process.stderr);
        const report = await importCases(ctx, source, {
          fileName: path.basename(source),
          onProgress: progress.update,
        }).finally(progress.end);
        if (report.ok) {
          out(`已导入 ${report.rowsWritten} 件案件(${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
          return;
        }
        for (const e of report.errors.slice(0, 20))
          err(`第 ${e.row} 行${e.column ? `“${e.column}”` : ''}:${e.message}`);
        const target = o.errors || source.replace(/(\.[^.]+)?$/, '-错误报告.xlsx');
        await writeCaseErrorReport(report, fs.createWriteStream(target));
        out(`未导入:共 ${report.errorCount} 处错误,未写入任何数据。错误报告:${target}`);
        process.exitCode = 1;
      });
    });
}
