import { z } from 'zod';
import { ApprovalLevel } from './schema.js';
import catalogue from './seed-licenses.json' with { type: 'json' };

/**
 * A plausible 行政许可事项清单 of the demo county, by department short name, after the pattern of
 * the 国务院 2022 年版 清单 and provincial lists (事项 → 子项), kept as data in seed-licenses.json:
 * per department, rows `[name, law, article, statutory days, promised days, what differs?]`.
 * Demo data: articles and time limits follow the laws as far as known but were not each checked
 * against 国家法律法规数据库.
 */
export interface LicenseTemplate {
  name: string;
  law: string;
  article: string;
  basis?: string;
  level: ApprovalLevel;
  statutory: number;
  promised: number;
  subs?: readonly string[];
  fee?: string;
  prerequisite?: string;
  /** the 权责清单 item's name where it differs */
  power?: string;
}

/** 新办、变更、延续、注销: the sub-items most licenses split into. */
const LIFECYCLE = ['核发', '变更', '延续', '注销'] as const;

/** What a row states beyond the defaults (a county approval split into LIFECYCLE); `subs: null` splits it into none. */
const Extra = z.strictObject({
  level: ApprovalLevel.optional(),
  basis: z.string().optional(),
  subs: z.array(z.string()).nullable().optional(),
  fee: z.string().optional(),
  prerequisite: z.string().optional(),
  power: z.string().optional(),
});
const Days = z.number().int();
const Row = z.tuple([z.string(), z.string(), z.string(), Days, Days, Extra.optional()]);
type Row = z.infer<typeof Row>;

function template([name, law, article, statutory, promised, extra = {}]: Row): LicenseTemplate {
  const { subs, ...rest } = extra;
  return {
    name,
    law,
    article,
    level: 'county',
    statutory,
    promised,
    subs: subs === null ? undefined : (subs ?? LIFECYCLE),
    ...rest,
  };
}

export const LICENSE_CATALOGUE: Record<string, readonly LicenseTemplate[]> = Object.fromEntries(
  Object.entries(z.record(z.string(), z.array(Row)).parse(catalogue)).map(([department, rows]) => [
    department,
    rows.map(template),
  ]),
);
