import type { z } from 'zod';
import { type ListDef, withStatusLabel } from './list-service.js';
import { checkMatter } from './rules.js';
import {
  type ListEntryBase,
  type MatterFields,
  MatterAmend,
  MatterFields as MatterSchema,
  type MatterLevel,
  matterLevelLabels,
} from './schema.js';

/** 执法事项: a power item carried out by an enforcement body. */
export interface EnforcementMatter extends ListEntryBase {
  bodyId: string;
  bodyName: string;
  powerCategory: string;
  level: MatterLevel;
  levelLabel: string;
  entrusted: boolean;
  note: string;
}

type Amend = z.infer<typeof MatterAmend>;

export const matterList: ListDef<EnforcementMatter, MatterFields, Amend> = {
  spec: {
    list: 'matter',
    table: 'enforcement_matter',
    columns: {
      bodyId: 't.body_id',
      bodyName: 'b.name',
      powerCategory: 'p.category',
      level: 't.level',
      entrusted: 't.entrusted',
      note: 't.note',
    },
    joins: 'join enforcement_body b on b.id = t.body_id',
    search: ['p.name', 'p.code', 'b.name'],
    filters: {
      orgId: 't.org_id',
      status: 't.status',
      bodyId: 't.body_id',
      powerItemId: 't.power_item_id',
      level: 't.level',
      category: 'p.category',
    },
    sortable: { powerItemCode: 'p.code', powerItemName: 'p.name', bodyName: 'b.name', level: 't.level' },
    order: 'g.tree_rank, b.name, p.code',
  },
  read: 'powers:matter:list',
  edit: 'powers:matter:edit',
  noun: '执法事项',
  createSchema: MatterSchema,
  amendSchema: MatterAmend,
  async toRow(i, look) {
    const body = await look.body(i.bodyId);
    const item = await look.powerItem(i.powerItemId);
    checkMatter(body, item, i.entrusted ?? false);
    return {
      region_code: body.regionCode,
      org_id: body.orgId,
      power_item_id: item.id,
      body_id: body.id,
      level: i.level,
      entrusted: i.entrusted ?? false,
      note: i.note ?? '',
      status: 'active',
    };
  },
  async toPatch(i, current, look) {
    const patch: Record<string, unknown> = {};
    if (i.level !== undefined) patch.level = i.level;
    if (i.note !== undefined) patch.note = i.note;
    if (i.entrusted !== undefined) {
      patch.entrusted = i.entrusted;
      const body = await look.body(String(current.body_id));
      const item = await look.powerItem(String(current.power_item_id));
      checkMatter(body, item, i.entrusted);
    }
    return patch;
  },
  present: (e) => withStatusLabel({ ...e, levelLabel: matterLevelLabels[e.level] }),
};
