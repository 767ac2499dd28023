import { systemCtx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';
import { DomainError } from '../../../platform/errors.js';
import { listCampaigns, verifyCampaignSample } from './service.js';

export interface CommandOutput {
  text: string;
  exitCode: number;
}

/** `fazhi review list`: the 评查 campaigns with their frame and sample sizes. */
export async function reviewListCommand(db: Db): Promise<CommandOutput> {
  const items = await listCampaigns(systemCtx(db), {});
  if (items.length === 0) return { text: '没有案卷评查活动。\n', exitCode: 0 };
  const lines = items.map((c) =>
    [
      c.id,
      c.title,
      `结案 ${c.closedFrom}~${c.closedTo}`,
      `范围 ${c.candidateCount} 件`,
      `抽中 ${c.drawnCount} 件`,
      `已评 ${c.scoredCount} 件`,
    ].join('\t'),
  );
  return { text: `${lines.join('\n')}\n共 ${items.length} 个。\n`, exitCode: 0 };
}

/**
 * `fazhi review verify <id>`: re-draws the sample from its frozen frame, commitment and reveal.
 * Exit 0 when everything matches; 1 with the first difference; 2 when the campaign does not exist.
 */
export async function reviewVerifyCommand(db: Db, id: string): Promise<CommandOutput> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return { text: `评查活动编号格式不正确:${id}\n`, exitCode: 2 };
  try {
    const v = await verifyCampaignSample(systemCtx(db), id);
    if (v.ok)
      return { text: `验证通过:${v.checked.join('、')} 均一致;抽中 ${v.drawnCount} 件案卷。\n`, exitCode: 0 };
    return {
      text: `验证未通过:${v.message}\n  步骤:${v.step}\n  已一致:${v.checked.join('、') || '无'}\n`,
      exitCode: 1,
    };
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'notFound')
      return { text: `评查活动不存在:${id}\n`, exitCode: 2 };
    throw err;
  }
}
