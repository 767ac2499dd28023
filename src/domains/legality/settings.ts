import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { staleVersion } from '../../platform/db/tx.js';
import { invalid } from '../../platform/errors.js';
import { Count, Text, parseInput } from '../../platform/validation.js';
import { authorize } from '../org/policy.js';
import { writeTxFor } from './action-log.js';
import './tables.js';

/**
 * What differs between regions, editable in the UI, with the statutory default cited
 * (docs/legality.md): the review period (国办发〔2018〕115号, ≤ 15 working days) and its one
 * extension, the 临期 warning, the 三统一 number format, the filing period (30 days after
 * publication, RULES §2.6) and the number of 村(社区) for the 村居法律顾问 coverage rate.
 */
export interface LegalitySettings {
  regionCode: string;
  reviewWorkdays: number;
  extensionWorkdays: number;
  dueSoonDays: number;
  numberFormat: string;
  numberAbbr: string;
  filingDays: number;
  villageCount: number;
  version: number;
}

export const DEFAULT_SETTINGS: Omit<LegalitySettings, 'regionCode'> = {
  reviewWorkdays: 15,
  extensionWorkdays: 10,
  dueSoonDays: 3,
  numberFormat: '{abbr}规〔{year}〕{seq}号',
  numberAbbr: '',
  filingDays: 30,
  villageCount: 0,
  version: 0,
};

/** The settings of a region: its own row, else its county's (first 6 digits), else the defaults. */
export async function loadSettings(db: Executor, regionCode: string): Promise<LegalitySettings> {
  const rows = await db
    .selectFrom('legality_setting')
    .selectAll()
    .where('region_code', 'in', [...new Set([regionCode, regionCode.slice(0, 6)])])
    .execute();
  const r = rows.find((x) => x.region_code === regionCode) ?? rows[0];
  if (!r) return { regionCode: regionCode.slice(0, 6), ...DEFAULT_SETTINGS };
  return {
    regionCode: r.region_code,
    reviewWorkdays: r.review_workdays,
    extensionWorkdays: r.extension_workdays,
    dueSoonDays: r.due_soon_days,
    numberFormat: r.number_format,
    numberAbbr: r.number_abbr,
    filingDays: r.filing_days,
    villageCount: r.village_count,
    version: r.version,
  };
}

export const SettingsInput = z.strictObject({
  regionCode: z.string().regex(/^[0-9]{6,12}$/, '区划代码应为 6 至 12 位数字'),
  reviewWorkdays: Count.min(1, '至少 1 个工作日').max(60, '不能超过 60 个工作日'),
  extensionWorkdays: Count.min(1, '至少 1 个工作日').max(60, '不能超过 60 个工作日'),
  dueSoonDays: Count.max(30, '不能超过 30 日'),
  numberFormat: Text(60, { min: 3 }),
  numberAbbr: Text(20),
  filingDays: Count.min(1, '至少 1 日').max(90, '不能超过 90 日'),
  villageCount: Count.max(100000),
  version: z.number().int(),
});

/** A number format must hold the year and the sequence number, so no two documents share one. */
export function checkNumberFormat(format: string): void {
  if (!format.includes('{year}') || !format.includes('{seq}'))
    throw invalid(
      'legality.settings.numberFormat',
      '文号格式须包含 {year}(年份)和 {seq}(序号),以保证统一编号不重复',
      'numberFormat',
    );
}

export async function saveSettings(ctx: Ctx, raw: unknown): Promise<LegalitySettings> {
  authorize(ctx.actor, 'legality:settings:edit');
  const input = parseInput(SettingsInput, raw);
  checkNumberFormat(input.numberFormat);
  if (!ctx.scope.all && ctx.scope.regionCodes.length > 0 && !ctx.scope.regionCodes.includes(input.regionCode))
    throw invalid('legality.settings.region', '只能设置本辖区的参数', 'regionCode');
  const exists = await ctx.db
    .selectFrom('legality_setting')
    .select('version')
    .where('region_code', '=', input.regionCode)
    .executeTakeFirst();
  if ((exists?.version ?? 0) !== input.version) throw staleVersion();
  const values = {
    review_workdays: input.reviewWorkdays,
    extension_workdays: input.extensionWorkdays,
    due_soon_days: input.dueSoonDays,
    number_format: input.numberFormat,
    number_abbr: input.numberAbbr,
    filing_days: input.filingDays,
    village_count: input.villageCount,
    updated_by: ctx.actor.userId,
  };
  await writeTxFor(ctx, async (trx, audit) => {
    if (exists) {
      await trx
        .updateTable('legality_setting')
        .set((eb) => ({ ...values, updated_at: ctx.now(), version: eb('version', '+', 1) }))
        .where('region_code', '=', input.regionCode)
        .execute();
    } else {
      await trx
        .insertInto('legality_setting')
        .values({ region_code: input.regionCode, ...values })
        .execute();
    }
    audit({
      action: 'legality.settings.save',
      entity: 'legality_setting',
      entityId: input.regionCode,
      orgId: null,
      regionCode: input.regionCode,
      change: { ...input },
    });
  });
  return loadSettings(ctx.db, input.regionCode);
}
