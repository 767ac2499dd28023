import { systemCtx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { DomainError } from '../../platform/errors.js';
import { listDraws, verifyStoredDraw } from './draw-service.js';

export interface CommandOutput {
  text: string;
  exitCode: number;
}

const statusLabels = { committed: '已承诺', drawn: '已抽取', failed: '未抽取(规则不满足)' } as const;

/** `fazhi draw list`: the latest draws with their commitment and counts, one per line. */
export async function drawListCommand(
  db: Db,
  opts: { limit?: number; taskId?: string } = {},
): Promise<CommandOutput> {
  const ctx = systemCtx(db);
  const { items, total } = await listDraws(db, ctx.scope, opts.taskId ? { taskId: opts.taskId } : {}, {
    offset: 0,
    limit: opts.limit ?? 50,
    exactTotal: true,
  });
  if (items.length === 0) return { text: '没有抽取记录。\n', exitCode: 0 };
  const lines = items.map((d) =>
    [
      d.id,
      statusLabels[d.status],
      d.committedAt.toISOString(),
      `名单 ${d.candidateCount}`,
      `抽中 ${d.drawnCount ?? 0}`,
      `承诺值 ${d.commitment.slice(0, 16)}…`,
      d.taskName,
    ].join('\t'),
  );
  return {
    text: `${lines.join('\n')}\n共 ${total} 条${total > items.length ? `,显示最近 ${items.length} 条` : ''}。\n`,
    exitCode: 0,
  };
}

/**
 * `fazhi draw verify <id>`: re-runs the draw from its frozen input. Exit 0 when every hash, the
 * seed and the result match; 1 with the first difference; 2 when the draw does not exist.
 */
export async function drawVerifyCommand(db: Db, id: string): Promise<CommandOutput> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { text: `抽取记录编号格式不正确:${id}\n`, exitCode: 2 };
  try {
    const v = await verifyStoredDraw(systemCtx(db), id);
    if (v.ok) {
      return {
        text: `验证通过:${v.checked.join('、')} 均一致;抽中 ${v.drawnCount} 个检查对象。\n`,
        exitCode: 0,
      };
    }
    const d = v.difference;
    return {
      text: `验证未通过:${d.message}\n  步骤:${d.step}\n  记录值:${d.expected}\n  重算值:${d.actual}\n  已一致:${v.checked.join('、') || '无'}\n`,
      exitCode: 1,
    };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'notFound')
      return { text: `抽取记录不存在:${id}\n`, exitCode: 2 };
    throw err;
  }
}
