import type { z } from 'zod';
import { type ListDef, withStatusLabel } from './list-service.js';
import type { Lookups } from './lookups.js';
import {
  type LeniencyFields,
  LeniencyAmend,
  LeniencyFields as LeniencySchema,
  type LeniencyKind,
  leniencyKindLabels,
  type ListEntryBase,
} from './schema.js';
import { invalid } from '../../platform/errors.js';

/** An entry of the 包容审慎监管“四张清单”. */
export interface LeniencyItem extends ListEntryBase {
  kind: LeniencyKind;
  kindLabel: string;
  code: string;
  violation: string;
  conditions: string;
  lawName: string;
  article: string;
  basis: string;
  outcome: string;
}

type Amend = z.infer<typeof LeniencyAmend>;

/** A 四张清单 entry names a power item of the same org (the 清单 is that org's). */
async function checkItem(look: Lookups, orgId: string, powerItemId: string | null | undefined) {
  if (!powerItemId) return;
  const item = await look.powerItem(powerItemId);
  if (item.orgId !== orgId)
    throw invalid('powers.powerItemOtherOrg', '关联的权责事项不属于本单位的权责清单', 'powerItemId');
}

export const leniencyList: ListDef<LeniencyItem, LeniencyFields, Amend> = {
  spec: {
    list: 'leniency',
    table: 'leniency_item',
    columns: {
      kind: 't.kind',
      code: 't.code',
      violation: 't.violation',
      conditions: 't.conditions',
      lawName: 't.law_name',
      article: 't.article',
      outcome: 't.outcome',
    },
    search: ['t.violation', 't.code', 't.conditions'],
    filters: {
      orgId: 't.org_id',
      status: 't.status',
      kind: 't.kind',
      powerItemId: 't.power_item_id',
      lawName: '~t.law_name',
    },
    sortable: { code: 't.code', kind: 't.kind', orgName: 'g.name', violation: 't.violation' },
    order:
      "g.tree_rank, array_position(array['noPenalty','lighterPenalty','reducedPenalty','noCoercion'], t.kind), t.code",
  },
  read: 'powers:leniency:list',
  edit: 'powers:leniency:edit',
  noun: '清单事项',
  createSchema: LeniencySchema,
  amendSchema: LeniencyAmend,
  async toRow(i, look) {
    const org = await look.org(i.orgId);
    await checkItem(look, org.id, i.powerItemId);
    return {
      region_code: org.regionCode,
      org_id: org.id,
      kind: i.kind,
      power_item_id: i.powerItemId ?? null,
      code: i.code,
      violation: i.violation,
      conditions: i.conditions,
      law_name: i.lawName,
      article: i.article,
      outcome: i.outcome,
      status: 'active',
    };
  },
  async toPatch(i, current, look) {
    await checkItem(look, String(current.org_id), i.powerItemId);
    const patch: Record<string, unknown> = {};
    const cols = {
      kind: i.kind,
      power_item_id: i.powerItemId,
      violation: i.violation,
      conditions: i.conditions,
      law_name: i.lawName,
      article: i.article,
      outcome: i.outcome,
    };
    for (const [k, v] of Object.entries(cols)) if (v !== undefined) patch[k] = v;
    return patch;
  },
  present: (e) =>
    withStatusLabel({ ...e, kindLabel: leniencyKindLabels[e.kind], basis: `《${e.lawName}》${e.article}` }),
};
