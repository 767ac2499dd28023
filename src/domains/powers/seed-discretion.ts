import { z } from 'zod';
import { type DiscretionLevel, FineUnit } from './schema.js';
import ranges from './seed-ranges.json' with { type: 'json' };

interface StatutoryRange {
  min: number;
  max: number;
  unit: FineUnit;
  base?: string | undefined;
}

/**
 * Statutory fine ranges of common penalty items, by law and article as the demo 权责清单 cites
 * them (src/domains/enforcement/power-list/seed-catalogue.json), kept as data in seed-ranges.json:
 * yuan, or multiples of 货值金额 / 违法所得 / 工程造价. Demo data after the laws' texts; not each
 * checked against 国家法律法规数据库.
 */
export const STATUTORY_RANGES: Record<string, StatutoryRange> = z
  .record(
    z.string(),
    z.object({ min: z.number(), max: z.number(), unit: FineUnit, base: z.string().optional() }),
  )
  .parse(ranges);

const round = (n: number, unit: FineUnit) =>
  unit === 'yuan' ? Math.round(n / 100) * 100 : Math.round(n * 100) / 100;

/** 情节 by 情节: what it is, the share of the range it takes, and the other penalties it draws. */
const GRADES: readonly {
  circumstance: DiscretionLevel['circumstance'];
  description: string;
  from: number;
  to: number;
  otherPenalties: string;
}[] = [
  {
    circumstance: 'minor',
    description: '违法行为轻微,及时改正,没有造成危害后果或者危害后果轻微',
    from: 0,
    to: 0.1,
    otherPenalties: '警告',
  },
  {
    circumstance: 'general',
    description: '初次违法,涉案数额较小,危害后果较轻,配合调查',
    from: 0,
    to: 0.3,
    otherPenalties: '没收违法所得',
  },
  {
    circumstance: 'serious',
    description: '违法行为持续时间较长或者涉及面较广,造成一定危害后果',
    from: 0.3,
    to: 0.7,
    otherPenalties: '没收违法所得、非法财物',
  },
  {
    circumstance: 'grave',
    description: '多次违法或者拒不改正,造成严重危害后果或者恶劣社会影响',
    from: 0.7,
    to: 1,
    otherPenalties: '没收违法所得、非法财物;情节严重的,依法责令停产停业或者吊销许可证件',
  },
];

/**
 * The statutory range split by 情节 the way county standards usually do: 一般 the lower 30%,
 * 较重 30–70%, 严重 the upper 30%; a range from zero ("X元以下") also has 轻微 at its bottom 10%.
 */
export function gradedLevels(r: StatutoryRange): DiscretionLevel[] {
  // a fraction of the range as a fine; the range's own ends are kept as written
  const at = (f: number) => (f === 0 ? r.min : f === 1 ? r.max : round(r.min + (r.max - r.min) * f, r.unit));
  const base = r.base ? `(按${r.base}计)` : '';
  return GRADES.filter((g) => g.circumstance !== 'minor' || r.min === 0).map((g) => ({
    circumstance: g.circumstance,
    description: `${g.description}${base}`,
    fineUnit: r.unit,
    fineMin: at(g.circumstance === 'general' && r.min === 0 ? 0.1 : g.from),
    fineMax: at(g.to),
    otherPenalties: g.otherPenalties,
  }));
}
