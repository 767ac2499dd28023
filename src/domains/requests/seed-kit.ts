import { addDays, compareDates, type LocalDate } from '../../platform/calendar/index.js';
import type { Ctx } from '../../platform/context.js';
import { pick as pickFrom, seededRandom } from '../../platform/ids/prng.js';
import { recordAction } from './core/service.js';
import type { KindSpec } from './core/spec.js';

/** Demo helpers shared by the five seeds: a seeded random source, names, dates, and act chains. */
export function seeded(seed: number) {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => pickFrom(random, items);
  const chance = (p: number) => random() < p;
  const name = () => {
    const given = chance(0.6) ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
    return pick(SURNAMES) + given;
  };
  /** a day of `year`, not after `today` */
  const dayIn = (year: number, today: LocalDate, fromMonth = 1, toMonth = 12): LocalDate => {
    const m = int(fromMonth, toMonth);
    const d = int(1, 28);
    const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return compareDates(date, today) > 0 ? today : date;
  };
  return { random, int, pick, chance, name, dayIn };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢普者',
];
const GIVEN = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯芳娜敏静丽艳娟霞秀英玲燕萍红梅琳琴雪婷'];

/** Records acts in order through the service; a date after `today` ends the chain (the item stays open). */
export async function chain(
  ctx: Ctx,
  spec: KindSpec,
  item: { id: string; version: number },
  today: LocalDate,
  steps: readonly (readonly [action: string, date: LocalDate, data?: Record<string, unknown>])[],
) {
  let version = item.version;
  for (const [action, date, data] of steps) {
    if (compareDates(date, today) > 0) break;
    const r = await recordAction(ctx, spec, item.id, { version, action, date, data: data ?? {} });
    version = r.version;
  }
  return version;
}

export const after = (date: LocalDate, days: number) => addDays(date, days);
