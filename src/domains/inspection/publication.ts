import { scrubText } from '../../platform/ids/index.js';
import { ledgerPage, type ListTotal, type PageRequest } from '../../platform/paging.js';
import type { Db } from '../../platform/db/types.js';
import type { RiskGrade } from './draw-input.js';
import { type InspectionResult, inspectionResults } from './rules.js';
import { presented } from './registry-store.js';
import './tables.js';

/** One published 抽查结果 as the public sees it. */
export interface PublishedResult {
  id: string;
  orgName: string;
  taskName: string;
  /** 部门抽查 / 部门联合抽查 */
  kind: string;
  inspecteeName: string;
  uscc: string | null;
  stratum: RiskGrade;
  result: string;
  note: string;
  inspectedOn: string | null;
  publishedOn: string;
}

export interface PublishedFilter {
  regionCode?: string | undefined;
  q?: string | undefined;
  /** the plan's year */
  year?: number | undefined;
  orgId?: string | undefined;
  result?: InspectionResult | undefined;
  id?: string | undefined;
}

/** Drawn targets already published, with their task, plan and org: what the portal reads from. */
function publishedTargets(db: Db) {
  return db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .innerJoin('inspection_plan as p', 'p.id', 't.plan_id')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .where('g.published_on', 'is not', null);
}

/** The years and orgs that have published results (the portal's filter choices). */
export async function publishedFacets(
  db: Db,
): Promise<{ years: number[]; orgs: { id: string; name: string }[] }> {
  const base = publishedTargets(db);
  const [years, orgs] = await Promise.all([
    base.select('p.year').distinct().orderBy('p.year', 'desc').execute(),
    base.select(['o.id', 'o.name']).distinct().orderBy('o.name').execute(),
  ]);
  return { years: years.map((y) => y.year), orgs };
}

/**
 * Published results, newest first, for the public portal (no login). Masked as other
 * publications are (RULES §2.4): only results already published; an individual's address is
 * never sent; the note is scrubbed of ID numbers, phone and bank numbers, keeping the USCC.
 */
export async function listPublishedResults(
  db: Db,
  f: PublishedFilter,
  page: PageRequest,
): Promise<{ items: PublishedResult[] } & ListTotal> {
  let q = publishedTargets(db)
    .innerJoin('inspection_inspectee as e', 'e.id', 'g.inspectee_id')
    .where('g.result', 'is not', null);
  if (f.regionCode) q = q.where('g.region_code', '=', f.regionCode);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.orgId) q = q.where('g.org_id', '=', f.orgId);
  if (f.result) q = q.where('g.result', '=', f.result);
  if (f.id) q = q.where('g.id', '=', f.id);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('e.name', 'like', `%${f.q}%`), eb('e.uscc', '=', f.q?.toUpperCase() ?? '')]),
    );
  return presented(
    await ledgerPage(db, q, page, (l) =>
      l
        .select([
          'g.id',
          'o.name as org_name',
          't.name as task_name',
          'p.kind',
          'e.name',
          'e.uscc',
          'g.stratum',
          'g.result',
          'g.result_note',
          'g.inspected_on',
          'g.published_on',
        ])
        .orderBy('g.published_on', 'desc')
        .orderBy('g.id'),
    ),
    (r) => ({
      id: r.id,
      orgName: r.org_name,
      taskName: r.task_name,
      kind: r.kind === 'joint' ? '部门联合抽查' : '部门抽查',
      inspecteeName: r.name,
      uscc: r.uscc,
      stratum: r.stratum as RiskGrade,
      result: inspectionResults[r.result as InspectionResult]?.label ?? '',
      note: scrubText(r.result_note, [], { keep: r.uscc ? [r.uscc] : [] }),
      inspectedOn: r.inspected_on,
      publishedOn: r.published_on ?? '',
    }),
  );
}
