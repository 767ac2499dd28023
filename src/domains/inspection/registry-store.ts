import type { Scope } from '../../platform/context.js';
import { ledgerPage, type ListTotal, type PageRequest } from '../../platform/paging.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { RiskGrade } from './draw-input.js';
import type { InspecteeKind } from './schema.js';
import './tables.js';
import '../org/tables.js';

/** A page of rows (`ledgerPage`) as a list answers it: each row presented, beside the page's total. */
export function presented<R, T>(
  { rows, ...total }: { rows: R[] } & ListTotal,
  present: (row: R) => T,
): { items: T[] } & ListTotal {
  return { ...total, items: rows.map(present) };
}

/** A list page (platform/paging: `exactTotal` asks for an exact count). */
export type Page = PageRequest;

/**
 * The values of an `in` filter on ids: an empty list is not valid SQL (`in ()`), so it becomes an id
 * no row has and the filter matches nothing.
 */
export const idsOrNone = (ids: readonly string[]): string[] =>
  ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'];

export interface ChecklistItem {
  id: string;
  orgId: string;
  orgName: string;
  matter: string;
  category: string;
  legalBasis: string;
  method: string;
  defaultRatioPercent: number;
  frequencyPerYear: number;
  joint: boolean;
  active: boolean;
  version: number;
}

export async function listChecklistItems(
  db: Executor,
  scope: Scope,
  filter: { orgId?: string | undefined; q?: string | undefined; ids?: readonly string[] },
  page: Page = { offset: 0, limit: 10_000 },
): Promise<{ items: ChecklistItem[] } & ListTotal> {
  let q = db
    .selectFrom('inspection_checklist_item as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inScope(scope, 'c'));
  if (filter.orgId) q = q.where('c.org_id', '=', filter.orgId);
  if (filter.q) q = q.where('c.matter', 'like', `%${filter.q}%`);
  if (filter.ids) q = q.where('c.id', 'in', idsOrNone(filter.ids));
  return presented(
    await ledgerPage(db, q, page, (l) =>
      l.selectAll('c').select('o.name as org_name').orderBy('o.sort').orderBy('c.matter'),
    ),
    (r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      matter: r.matter,
      category: r.category,
      legalBasis: r.legal_basis,
      method: r.method,
      defaultRatioPercent: r.default_ratio_bp / 100,
      frequencyPerYear: r.frequency_per_year,
      joint: r.joint,
      active: r.active,
      version: r.version,
    }),
  );
}

export interface Inspectee {
  id: string;
  orgId: string;
  kind: InspecteeKind;
  name: string;
  uscc: string | null;
  industry: string;
  locationCode: string;
  locationName: string | null;
  riskGrade: RiskGrade;
  address: string;
  active: boolean;
  version: number;
}

export interface InspecteeFilter {
  q?: string | undefined;
  orgIds?: readonly string[] | undefined;
  industries?: readonly string[] | undefined;
  locationCodes?: readonly string[] | undefined;
  riskGrades?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
}

function inspecteeQuery(db: Executor, scope: Scope, f: InspecteeFilter) {
  let q = db.selectFrom('inspection_inspectee as e').where(inScope(scope, 'e'));
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('e.name', 'like', `%${f.q}%`), eb('e.uscc', '=', f.q?.toUpperCase() ?? '')]),
    );
  if (f.orgIds?.length) q = q.where('e.org_id', 'in', [...f.orgIds]);
  if (f.industries?.length) {
    // a 行业 term finds every industry naming it: “餐饮” finds “餐饮服务” (LIKE's own signs escaped)
    const terms = f.industries.map((i) => `%${i.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    q = q.where((eb) => eb.or(terms.map((t) => eb('e.industry', 'like', t))));
  }
  if (f.locationCodes?.length) {
    // a township code matches itself; a county code matches the county and its townships
    const codes = [...f.locationCodes];
    q = q.where((eb) => eb.or(codes.map((c) => eb('e.location_code', 'like', `${c}%`))));
  }
  if (f.riskGrades?.length) q = q.where('e.risk_grade', 'in', [...f.riskGrades]);
  if (f.ids) q = q.where('e.id', 'in', idsOrNone(f.ids));
  return q;
}

export async function listInspectees(db: Executor, scope: Scope, f: InspecteeFilter, page: Page) {
  const q = inspecteeQuery(db, scope, f);
  const { rows, ...count } = await ledgerPage(db, q, page, (l) =>
    l
      .leftJoin('region as r', 'r.code', 'e.location_code')
      .selectAll('e')
      .select('r.name as location_name')
      .orderBy('e.name')
      .orderBy('e.id'),
  );
  const items: Inspectee[] = rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    kind: r.kind as InspecteeKind,
    name: r.name,
    uscc: r.uscc,
    industry: r.industry,
    locationCode: r.location_code,
    locationName: r.location_name,
    riskGrade: r.risk_grade as RiskGrade,
    address: r.address,
    active: r.active,
    version: r.version,
  }));
  return { items, ...count };
}

/** The frozen candidate list of a task: active inspectees matching the filter, id ascending. */
export async function candidateRows(
  db: Executor,
  scope: Scope,
  f: InspecteeFilter,
): Promise<[string, RiskGrade][]> {
  const rows = await inspecteeQuery(db, scope, f)
    .where('e.active', '=', true)
    .select(['e.id', 'e.risk_grade'])
    .orderBy('e.id')
    .execute();
  return rows.map((r) => [r.id, r.risk_grade as RiskGrade]);
}

export interface Inspector {
  id: string;
  orgId: string;
  orgName: string;
  officerId: string | null;
  name: string;
  certificateNumber: string;
  certificateValidUntil: string;
  fields: string[];
  active: boolean;
  version: number;
}

export async function listInspectors(
  db: Executor,
  scope: Scope,
  f: { orgIds?: readonly string[] | undefined; q?: string | undefined; validOn?: string | undefined },
  page: Page = { offset: 0, limit: 100_000 },
): Promise<{ items: Inspector[] } & ListTotal> {
  let q = db
    .selectFrom('inspection_inspector as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .where(inScope(scope, 'i'));
  if (f.orgIds?.length) q = q.where('i.org_id', 'in', [...f.orgIds]);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('i.name', 'like', `%${f.q}%`), eb('i.certificate_number', '=', f.q ?? '')]),
    );
  if (f.validOn) q = q.where('i.active', '=', true).where('i.certificate_valid_until', '>=', f.validOn);
  return presented(
    await ledgerPage(db, q, page, (l) => l.selectAll('i').select('o.name as org_name').orderBy('i.id')),
    (r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      officerId: r.officer_id,
      name: r.name,
      certificateNumber: r.certificate_number,
      certificateValidUntil: r.certificate_valid_until,
      fields: r.fields,
      active: r.active,
      version: r.version,
    }),
  );
}

/** Declared conflicts touching any of the inspectees (for freezing a draw). */
export async function conflictRows(
  db: Executor,
  regionCode: string,
): Promise<{ inspecteeId: string; inspectorId: string | null; orgId: string | null }[]> {
  const rows = await db
    .selectFrom('inspection_conflict')
    .select(['inspectee_id', 'inspector_id', 'conflict_org_id'])
    .where('region_code', '=', regionCode)
    .execute();
  return rows.map((r) => ({
    inspecteeId: r.inspectee_id,
    inspectorId: r.inspector_id,
    orgId: r.conflict_org_id,
  }));
}

export async function findOrgRow(db: Executor, id: string) {
  return db
    .selectFrom('org')
    .select(['id', 'region_code', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
}
