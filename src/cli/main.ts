import path from 'node:path';
import { Command } from 'commander';
import '../platform/validation.js';
import { generatePassword } from '../platform/auth/secrets.js';
import { verifyAudit } from '../platform/audit/audit.js';
import { backup, restore } from '../platform/backup/backup.js';
import { partitionByYear } from '../platform/db/partition.js';
import { systemCtx } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { LocalFileStore } from '../platform/files/index.js';
import { isSeeded, seedDemo } from '../report/demo.js';
import { createApiToken } from '../domains/org/auth-service.js';
import { findUserIdByUsername, resetPassword, createUser } from '../domains/org/user-service.js';
import { drawListCommand, drawVerifyCommand } from '../domains/inspection/cli.js';
import { reviewListCommand, reviewVerifyCommand } from '../domains/oversight/case-review/cli.js';
import { registerReportCommands } from './report.js';
import { registerCalendarCommands } from './calendar.js';
import { registerImportCommands } from './import.js';
import { config } from './config.js';
import { withDatabase } from './db.js';
import { printLogins } from './logins.js';
import { serve } from './serve.js';

const program = new Command();
program.name('fazhi').description('法治政府建设一体化平台').showHelpAfterError();

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);
/** A backup's or restore's progress, one table at a time. */
const tableProgress = (table: string, rows: number) => err(`  ${table}: ${rows} 行`);
/** All the rows a backup or restore counted, over its tables. */
const totalRows = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
/** Prints a command's text and exits with its code (0 when what it checked holds). */
const printResult = (r: { text: string; exitCode: number }) => {
  out(r.text);
  process.exitCode = r.exitCode;
};

program
  .command('serve')
  .description('启动服务(首次启动时生成演示数据)')
  .option('--no-demo', '空库启动时不生成演示数据')
  .action(async (o: { demo: boolean }) => {
    await serve({ demo: o.demo });
  });

program
  .command('migrate')
  .description('应用数据库迁移')
  .action(async () => {
    await withDatabase(async () => out('数据库已是最新版本'), { quiet: false });
  });

program
  .command('partition')
  .description('把执法案件、执法行为、全过程记录、公示和审计日志按年度分区(省级 PostgreSQL 部署,一次)')
  .option('--from <year>', '从该年起建分区(导入历史案件前;默认为已有数据的最早年份,至多十年前)')
  .action(async (o: { from?: string }) => {
    const thisYear = new Date().getFullYear();
    const fromYear = o.from === undefined ? undefined : Number(o.from);
    if (fromYear !== undefined && !(Number.isInteger(fromYear) && fromYear >= 2000 && fromYear <= thisYear))
      throw new DomainError('partition.from', `--from 应为 2000 至 ${thisYear} 之间的年份`, 'invalid');
    await withDatabase(async (h) => {
      if (h.engine === 'pglite') err('提示:年度分区为省级 PostgreSQL 部署设计,嵌入式数据库的写入会变慢');
      const started = performance.now();
      const r = await partitionByYear(h.db, fromYear === undefined ? {} : { fromYear });
      if (!r.partitioned) out('数据库已按年度分区,未作改动');
      for (const [table, parts] of Object.entries(r.partitions))
        out(`${table}: ${r.rows[table] ?? 0} 行,分区 ${parts.join('、')}`);
      if (r.partitioned) out(`已按年度分区,用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    });
  });

program
  .command('demo')
  .description('在空库中生成演示数据')
  .action(async () => {
    await withDatabase(
      async (h) => {
        if (await isSeeded(h.db))
          throw new DomainError('demo.notEmpty', '数据库中已有机构数据,不能再生成演示数据', 'conflict');
        const password = config().demoPassword ?? generatePassword();
        const orgs = await seedDemo(h.db, {
          password,
          log: err,
          files: new LocalFileStore(config().dataDir),
          scale: config().demoScale,
        });
        printLogins(orgs.users, password);
      },
      { quiet: false },
    );
  });

const user = program.command('user').description('用户管理');
user
  .command('add <username>')
  .requiredOption('--name <displayName>', '姓名')
  .requiredOption('--org <orgId>', '所属机构编号')
  .option('--role <code...>', '角色代码')
  .option('--password <password>', '密码(省略则随机生成并打印)')
  .action(async (username: string, o: { name: string; org: string; role?: string[]; password?: string }) => {
    await withDatabase(async (h) => {
      const roles = o.role?.length
        ? await h.db.selectFrom('role').select(['id', 'code']).where('code', 'in', o.role).execute()
        : [];
      const missing = (o.role ?? []).filter((c) => !roles.some((r) => r.code === c));
      if (missing.length)
        throw new DomainError('role.notFound', `角色不存在:${missing.join('、')}`, 'invalid');
      const password = o.password ?? generatePassword();
      const u = await createUser(systemCtx(h.db), {
        username,
        displayName: o.name,
        orgId: o.org,
        roleIds: roles.map((r) => r.id),
        password,
      });
      out(`已创建用户 ${u.username}(${u.orgName})`);
      if (!o.password) out(`密码: ${password}`);
    });
  });
user
  .command('reset-password <username>')
  .option('--password <password>', '新密码(省略则随机生成并打印)')
  .action(async (username: string, o: { password?: string }) => {
    await withDatabase(async (h) => {
      const id = await findUserIdByUsername(h.db, username);
      if (!id) throw new DomainError('user.notFound', `用户 ${username} 不存在`, 'notFound');
      const password = o.password ?? generatePassword();
      await resetPassword(systemCtx(h.db), id, password);
      out(`已重置 ${username} 的密码`);
      if (!o.password) out(`新密码: ${password}`);
    });
  });

program
  .command('token')
  .description('接口令牌')
  .command('create <username>')
  .option('--name <name>', '令牌用途', '数据接口')
  .action(async (username: string, o: { name: string }) => {
    await withDatabase(async (h) => {
      const id = await findUserIdByUsername(h.db, username);
      if (!id) throw new DomainError('user.notFound', `用户 ${username} 不存在`, 'notFound');
      out(await createApiToken(h.db, systemCtx(h.db).actor, id, o.name));
    });
  });

program
  .command('audit')
  .description('操作日志')
  .command('verify')
  .description('校验操作日志哈希链')
  .action(async () => {
    await withDatabase(async (h) => {
      const r = await verifyAudit(h.db, (n) => err(`已校验 ${n} 条…`));
      if (r.ok) out(`日志链完整:共 ${r.checked} 条`);
      else {
        out(`日志链断裂:第 ${r.firstBroken?.seq} 条 — ${r.firstBroken?.reason}(此前 ${r.checked} 条完好)`);
        process.exitCode = 1;
      }
    });
  });

program
  .command('backup <file>')
  .description('备份全部数据到一个可移植的文件(可恢复到任一种数据库)')
  .action(async (file: string) => {
    await withDatabase(async (h) => {
      const r = await backup(h.db, path.resolve(file), tableProgress);
      out(`已备份到 ${file}(${totalRows(r.counts)} 行,SHA-256 ${r.sha256.slice(0, 16)}…)`);
    });
  });

program
  .command('restore <file>')
  .description('从备份文件恢复(替换当前全部数据;文件损坏或不完整时拒绝)')
  .action(async (file: string) => {
    await withDatabase(async (h) => {
      const r = await restore(h.db, path.resolve(file), tableProgress);
      out(`已恢复 ${totalRows(r.counts)} 行`);
    });
  });

registerCalendarCommands(program);
registerReportCommands(program);
registerImportCommands(program);

const draw = program.command('draw').description('双随机抽取');
draw
  .command('list')
  .description('列出抽取记录')
  .option('--limit <n>', '条数', '50')
  .option('--task <taskId>', '只看某个抽查任务')
  .action(async (o: { limit: string; task?: string }) => {
    await withDatabase(async (h) =>
      printResult(
        await drawListCommand(h.db, { limit: Number(o.limit), ...(o.task ? { taskId: o.task } : {}) }),
      ),
    );
  });
draw
  .command('verify <drawId>')
  .description('按记录的承诺值和种子重新抽取,核对结果是否一致(一致时退出码为 0)')
  .action(async (id: string) => {
    await withDatabase(async (h) => printResult(await drawVerifyCommand(h.db, id)));
  });

const review = program.command('review').description('案卷评查抽样');
review
  .command('list')
  .description('列出案卷评查活动')
  .action(async () => {
    await withDatabase(async (h) => printResult(await reviewListCommand(h.db)));
  });
review
  .command('verify <campaignId>')
  .description('按记录的承诺值和揭示值重新抽样,核对抽中的案卷是否一致(一致时退出码为 0)')
  .action(async (id: string) => {
    await withDatabase(async (h) => printResult(await reviewVerifyCommand(h.db, id)));
  });

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof DomainError) {
      err(`错误:${e.message}`);
      process.exitCode = 2;
    } else if (e && typeof e === 'object' && 'issues' in e) {
      err(`输入有误:${JSON.stringify((e as { issues: unknown }).issues)}`);
      process.exitCode = 2;
    } else throw e;
  }
}
