import type { z } from 'zod';
import { invalid } from '../../platform/errors.js';
import { type ListDef, withStatusLabel } from './list-service.js';
import { checkDiscretionLevels } from './rules.js';
import {
  circumstanceLabels,
  DiscretionAmend,
  type DiscretionFields,
  DiscretionFields as DiscretionSchema,
  type DiscretionLevel,
  fineUnitLabels,
  type ListEntryBase,
} from './schema.js';

/** 裁量权基准 of one power item: the ranges by 情节. */
export interface DiscretionStandard extends ListEntryBase {
  code: string;
  violation: string;
  lawName: string;
  article: string;
  basis: string;
  levels: (DiscretionLevel & { circumstanceLabel: string; range: string })[];
}

type Amend = z.infer<typeof DiscretionAmend>;

/** '2,000–10,000 元', '1–3 倍', or '不罚款', as the list prints a range. */
export function rangeText(l: DiscretionLevel): string {
  if (l.fineMin === null || l.fineMax === null) return '不罚款';
  const n = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  return `${n(l.fineMin)}–${n(l.fineMax)} ${fineUnitLabels[l.fineUnit]}`;
}

export const discretionList: ListDef<DiscretionStandard, DiscretionFields, Amend> = {
  spec: {
    list: 'discretion',
    table: 'discretion_standard',
    columns: {
      code: 't.code',
      violation: 't.violation',
      lawName: 't.law_name',
      article: 't.article',
      levels: 't.levels',
    },
    search: ['t.violation', 't.code', 'p.name'],
    filters: {
      orgId: 't.org_id',
      status: 't.status',
      powerItemId: 't.power_item_id',
      lawName: '~t.law_name',
    },
    sortable: { code: 't.code', violation: 't.violation', orgName: 'g.name', powerItemCode: 'p.code' },
    order: 'g.tree_rank, t.code',
  },
  read: 'powers:discretion:list',
  edit: 'powers:discretion:edit',
  noun: '裁量权基准',
  createSchema: DiscretionSchema,
  amendSchema: DiscretionAmend,
  async toRow(i, look) {
    const item = await look.powerItem(i.powerItemId);
    // 国办发〔2022〕27号: 裁量权基准 concern 行政处罚 (and 许可、征收 …); here, the penalty items
    if (item.category !== 'penalty')
      throw invalid('powers.notPenaltyPower', '裁量权基准只能为“行政处罚”类权责事项制定', 'powerItemId');
    if (item.status !== 'active')
      throw invalid('powers.powerItemRepealed', '关联的权责事项已取消', 'powerItemId');
    checkDiscretionLevels(i.levels);
    return {
      region_code: item.regionCode,
      org_id: item.orgId,
      power_item_id: item.id,
      code: i.code,
      violation: i.violation,
      law_name: i.lawName,
      article: i.article,
      levels: i.levels,
      status: 'active',
    };
  },
  async toPatch(i) {
    const patch: Record<string, unknown> = {};
    if (i.levels !== undefined) {
      checkDiscretionLevels(i.levels);
      patch.levels = i.levels;
    }
    if (i.violation !== undefined) patch.violation = i.violation;
    if (i.lawName !== undefined) patch.law_name = i.lawName;
    if (i.article !== undefined) patch.article = i.article;
    return patch;
  },
  present: (e) =>
    withStatusLabel({
      ...e,
      basis: `《${e.lawName}》${e.article}`,
      levels: (e.levels as DiscretionLevel[]).map((l) => ({
        ...l,
        circumstanceLabel: circumstanceLabels[l.circumstance],
        range: rangeText(l),
      })),
    }),
};
