import { parseInput } from '../../../platform/validation.js';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { staleVersion, writeTx } from '../../../platform/db/tx.js';
import { invalid } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { loadSettings, type RegionSettings, saveSettings } from './store.js';

/**
 * What a region sets: the days a misrouted 建议提案 may be returned in (local 办法, 5–10 days;
 * default 10), the leaders' monthly reception day, and how many days before a due date a ledger
 * shows 临期.
 */
export const SettingsInput = z.strictObject({
  version: z.number().int('应为整数').min(0),
  proposalReturnDays: z.number().int('应为整数').min(1, '退回期限至少 1 日').max(30, '退回期限不超过 30 日'),
  receptionDay: z
    .number()
    .int('应为整数')
    .min(1, '应为每月 1 至 31 日')
    .max(31, '应为每月 1 至 31 日')
    .nullable(),
  warnDays: z.number().int('应为整数').min(0, '不能为负数').max(30, '临期提醒不超过 30 日'),
});

function regionOf(ctx: Ctx): string {
  if (!ctx.actor.regionCode)
    throw invalid('requests.settings.noRegion', '当前用户没有所属行政区划,无法读取设置', 'regionCode');
  return ctx.actor.regionCode;
}

export async function getSettings(ctx: Ctx) {
  return loadSettings(ctx.db, regionOf(ctx));
}

/** Saves a region's values with their audit entry; `before` when a user changed what they had read. */
async function writeSettings(ctx: Ctx, region: string, s: RegionSettings, before?: RegionSettings) {
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await saveSettings(trx, region, s, ctx.actor.userId);
    audit({
      action: 'requests.settings.update',
      entity: 'requests_setting',
      entityId: null,
      regionCode: region,
      change: before ? { before, after: s } : { after: s },
    });
  });
}

export async function updateSettings(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'requests:settings:edit');
  const input = parseInput(SettingsInput, raw);
  const region = regionOf(ctx);
  const current = await loadSettings(ctx.db, region);
  if (current.version !== input.version) throw staleVersion();
  await writeSettings(ctx, region, input, current);
  return loadSettings(ctx.db, region);
}

/** For the seed and the CLI: set a region's values without a user. */
export async function setRegionSettings(ctx: Ctx, region: string, s: RegionSettings) {
  await writeSettings(ctx, region, s);
}
