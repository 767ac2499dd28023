import { sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import { countedRecords, inSubtree, orgRecords } from '../../platform/metrics/builders.js';
import {
  type DrillRecord,
  drillRecord,
  type MetricDefinition,
  type MetricQuery,
} from '../../platform/metrics/types.js';
import { caseActs, caseLabel, caseRecordColumns } from '../enforcement/cases/metrics.js';
import { type LeniencyKind, leniencyKindLabels } from './schema.js';
import './tables.js';
import '../enforcement/tables.js';

/**
 * Cases of the subtree whose 决定 or 不予处罚 act in the period applied a 包容审慎清单 entry (the
 * entry's id is kept in the act's data, so the figure reads the case log itself).
 */
const appliedByQuery = new WeakMap<MetricQuery, Promise<(DrillRecord & { kind: string })[]>>();

/** The four 适用 figures read the action log once per query (one scan, not one per figure). */
async function applied(db: Db, q: MetricQuery, kind?: LeniencyKind): Promise<DrillRecord[]> {
  let p = appliedByQuery.get(q);
  if (!p) {
    p = appliedRows(db, q);
    appliedByQuery.set(q, p);
  }
  const rows = await p;
  return (kind ? rows.filter((r) => r.kind === kind) : rows).map(({ kind: _k, ...r }) => r);
}

async function appliedRows(db: Db, q: MetricQuery): Promise<(DrillRecord & { kind: string })[]> {
  const b = caseActs(db, q, ['decide', 'terminate'])
    .innerJoin('leniency_item as l', (j) => j.on(sql<boolean>`l.id = (a.data->>'leniencyItemId')::uuid`))
    .select([...caseRecordColumns, 'a.occurred_on', 'l.kind', 'l.violation'])
    .where(sql<boolean>`a.data ? 'leniencyItemId'`);
  const rows = await b.orderBy('a.occurred_on').orderBy('c.case_no').execute();
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: `${caseLabel(r)}(${leniencyKindLabels[r.kind as LeniencyKind]}:${r.violation})`,
    date: r.occurred_on,
  }));
}

function metric(id: string, name: string, definition: string, kind?: LeniencyKind): MetricDefinition {
  return countedRecords({ id, name, unit: '件', definition, domain: 'powers' }, (db, q) =>
    applied(db, q, kind),
  );
}

/** A current list of the subtree (行政许可事项清单, 包容审慎清单): its items in force, or the orgs holding them. */
function listFigure(
  id: string,
  name: string,
  unit: string,
  definition: string,
  table: 'license_item' | 'leniency_item',
  distinctOrgs = false,
): MetricDefinition {
  const base = (db: Db, q: MetricQuery) =>
    db
      .selectFrom(`${table} as l` as 'license_item as l')
      .innerJoin('org as o', 'o.id', 'l.org_id')
      .where(inSubtree('l', q))
      .where('l.status', '=', 'active');
  return countedRecords(
    { id, name, unit, definition, domain: 'powers', kind: 'stock', asOf: 'periodEnd' },
    async (db, q) => {
      const rows = await base(db, q)
        .select(['l.id', 'l.org_id', 'o.name as org_name', 'l.code'])
        .orderBy('l.code')
        .execute();
      return distinctOrgs ? orgRecords(rows) : rows.map((r) => drillRecord(r, r.code, null));
    },
  );
}

export const powersMetrics: readonly MetricDefinition[] = [
  listFigure(
    'powers.licenseItems',
    '行政许可事项',
    '项',
    '本级及下级单位行政许可事项清单中在用的事项数(清单现状)',
    'license_item',
  ),
  listFigure(
    'powers.licenseItems.orgs',
    '行政许可事项清单涉及部门',
    '个',
    '本级及下级单位中在行政许可事项清单上有在用事项的单位数(清单现状)',
    'license_item',
    true,
  ),
  listFigure(
    'powers.leniency.items',
    '包容审慎监管清单事项',
    '项',
    '本级及下级单位“四张清单”(不予处罚、从轻、减轻、不予强制)中在用的事项数(清单现状)',
    'leniency_item',
  ),
  metric(
    'powers.leniency.applied',
    '适用包容审慎清单案件数',
    '统计期内作出处罚决定或不予处罚时,适用了本级“四张清单”(不予处罚、从轻、减轻)事项的行政处罚案件数',
  ),
  metric(
    'powers.leniency.applied.noPenalty',
    '适用不予处罚清单案件数',
    '统计期内依“不予处罚清单”(行政处罚法第三十三条 首违不罚、轻微不罚)不予处罚的案件数',
    'noPenalty',
  ),
  metric(
    'powers.leniency.applied.lighterPenalty',
    '适用从轻处罚清单案件数',
    '统计期内依“从轻处罚清单”(行政处罚法第三十二条)从轻处罚的案件数',
    'lighterPenalty',
  ),
  metric(
    'powers.leniency.applied.reducedPenalty',
    '适用减轻处罚清单案件数',
    '统计期内依“减轻处罚清单”(行政处罚法第三十二条)减轻处罚的案件数',
    'reducedPenalty',
  ),
];
