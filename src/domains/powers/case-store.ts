import { type Expression, sql } from 'kysely';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { DiscretionLevel, LeniencyKind } from './schema.js';
import './tables.js';

/** The scope of a case's own region: the lists that govern a case are those of its region. */
export const regionScope = (regionCode: string): Scope => ({
  all: true,
  orgIds: [],
  selfUserId: null,
  regionCodes: [regionCode],
});

/** The 裁量权基准 in force for a power item, if any. */
export async function findActiveStandard(db: Executor, scope: Scope, powerItemId: string) {
  const r = await db
    .selectFrom('discretion_standard as t')
    .select(['t.id', 't.code', 't.violation', 't.law_name', 't.article', 't.levels'])
    .where('t.power_item_id', '=', powerItemId)
    .where('t.status', '=', 'active')
    .where(inScope(scope, 't'))
    .executeTakeFirst();
  return r ? { ...r, levels: r.levels as DiscretionLevel[] } : undefined;
}

export interface LeniencyRecord {
  id: string;
  kind: LeniencyKind;
  status: string;
  powerItemId: string | null;
  code: string;
  violation: string;
  conditions: string;
  outcome: string;
  basis: string;
}

const leniencyColumns = [
  't.id',
  't.kind',
  't.status',
  't.power_item_id',
  't.code',
  't.violation',
  't.conditions',
  't.outcome',
  't.law_name',
  't.article',
] as const;

export type LeniencyDbRow = {
  id: string;
  kind: string;
  status: string;
  power_item_id: string | null;
  code: string;
  violation: string;
  conditions: string;
  outcome: string;
  law_name: string;
  article: string;
};
/**
 * For a read that brings everything a use-case needs in one query (a case act): the power item's
 * 裁量权基准 in force (its levels) and the 包容审慎清单 item named, both of the case's region, as
 * one JSON value — the rows findActiveStandard reads and the 四张清单 item by id.
 */
export function decisionListsJson(c: {
  regionCode: Expression<string>;
  powerItemId: Expression<string | null>;
  leniencyItemId: string | undefined;
}) {
  const item = c.leniencyItemId
    ? sql`(select row_to_json(x) from (select t.id, t.kind, t.status, t.power_item_id, t.code, t.violation,
        t.conditions, t.outcome, t.law_name, t.article from leniency_item t
        where t.id = ${c.leniencyItemId}::uuid and t.region_code = ${c.regionCode}) x)`
    : sql`null::json`;
  return sql<{
    standard: { levels: DiscretionLevel[] } | null;
    leniency: LeniencyDbRow | null;
  }>`json_build_object(
    'standard', (select json_build_object('levels', t.levels) from discretion_standard t
      where t.power_item_id = ${c.powerItemId} and t.status = 'active' and t.region_code = ${c.regionCode} limit 1),
    'leniency', ${item})`;
}

export const leniency = (r: LeniencyDbRow): LeniencyRecord => ({
  id: r.id,
  kind: r.kind as LeniencyKind,
  status: r.status,
  powerItemId: r.power_item_id,
  code: r.code,
  violation: r.violation,
  conditions: r.conditions,
  outcome: r.outcome,
  basis: `《${r.law_name}》${r.article}`,
});

/** The 四张清单 entries in force that a case of this power item may apply (its own, or its org's general ones). */
export async function leniencyFor(db: Executor, scope: Scope, powerItemId: string, orgId: string) {
  const rows = await db
    .selectFrom('leniency_item as t')
    .select(leniencyColumns)
    .where('t.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('t.power_item_id', '=', powerItemId),
        eb.and([eb('t.power_item_id', 'is', null), eb('t.org_id', '=', orgId)]),
      ]),
    )
    .where(inScope(scope, 't'))
    .orderBy('t.kind')
    .orderBy('t.code')
    .execute();
  return rows.map(leniency);
}

/** The bodies holding a power item as an 执法事项 in force. */
export async function heldMatters(db: Executor, scope: Scope, powerItemId: string) {
  return db
    .selectFrom('enforcement_matter as t')
    .select(['t.id', 't.body_id as bodyId', 't.level', 't.entrusted'])
    .where('t.power_item_id', '=', powerItemId)
    .where('t.status', '=', 'active')
    .where(inScope(scope, 't'))
    .execute();
}
