import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatePassword } from '../platform/auth/secrets.js';
import { openRedis } from '../platform/auth/throttle.js';
import { DomainError } from '../platform/errors.js';
import { startPartitionStatsJob } from '../platform/db/partition-stats.js';
import { LocalFileStore } from '../platform/files/index.js';
import { isSeeded, seedDemo } from '../report/demo.js';
import { COUNTY_GOVERNMENT } from '../domains/org/demo-county.js';
import { buildApp } from '../server/app.js';
import { config } from './config.js';
import { openConfigured } from './db.js';
import { printLogins } from './logins.js';

export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** `fazhi serve`: migrate, seed the demo county on an empty database, serve API + web app. */
export async function serve(opts: { demo: boolean }): Promise<void> {
  const c = config();
  const started = Date.now();
  const handle = await openConfigured();
  let logins: (() => void) | null = null;
  if (opts.demo && !(await isSeeded(handle.db))) {
    const password = c.demoPassword ?? generatePassword();
    process.stderr.write(`空库首次启动:生成演示数据(${COUNTY_GOVERNMENT})…\n`);
    const orgs = await seedDemo(handle.db, {
      password,
      log: (m) => process.stderr.write(`  ${m}\n`),
      files: new LocalFileStore(c.dataDir),
      scale: c.demoScale,
    });
    logins = () => printLogins(orgs.users, password);
  }
  if (!fs.existsSync(`${WEB_DIR}index.html`)) {
    process.stderr.write('提示:未找到前端构建(dist/web),仅提供接口。运行 npm run build:web 构建前端。\n');
  }
  const redis = c.redisUrl ? openRedis(c.redisUrl) : null;
  const app = await buildApp({
    handle,
    webDir: WEB_DIR,
    logger: process.env.FAZHI_LOG !== '0',
    dataDir: c.dataDir,
    trustedProxies: c.trustedProxies,
    redis,
  });
  // the year partitions' maintenance (next year's partitions, the partitioned tables' statistics)
  const stopPartitionJob = startPartitionStatsJob(handle.db, {
    onError: (err) => app.log.error({ err }, '分区表维护失败(统计信息、下一年度分区),将在下次再试'),
    onDone: (tables, ms) => app.log.info({ tables, ms: Math.round(ms) }, '分区表维护完成'),
  });
  const shutdown = async () => {
    stopPartitionJob();
    await app.close();
    await handle.close();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  try {
    await app.listen({ port: c.port, host: c.host });
  } catch (e) {
    await handle.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DomainError(
        'serve.portInUse',
        `端口 ${c.port} 已被占用:请先停止占用它的程序,或用 PORT=其他端口 启动`,
        'conflict',
      );
    }
    throw e;
  }
  const url = `http://${c.host}:${c.port}`;
  process.stdout.write(
    `\n法治政府建设一体化平台已启动:${url}  (数据库:${handle.engine === 'pglite' ? `嵌入式 PGlite,${c.dataDir}` : 'PostgreSQL'};用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒)\n`,
  );
  if (logins) logins();
  else
    process.stdout.write('演示账号已在首次启动时打印;忘记密码可运行 npx fazhi user reset-password admin\n');
}
