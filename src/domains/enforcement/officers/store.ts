import { type Expression, sql } from 'kysely';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { addDays, type LocalDate } from '../../../platform/calendar/index.js';
import { type ListTotal, listTotal, type PageRequest, pageAndTotal } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import { certificateState } from './rules.js';
import {
  type BodyKind,
  bodyKindLabels,
  type Certificate,
  type CertificateState,
  type CertificateStatus,
  certificateStateLabels,
  type EnforcementBody,
  type Gender,
  type Officer,
} from './schema.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

export interface BodyFilter {
  q?: string | undefined;
  kind?: BodyKind | undefined;
  orgId?: string | undefined;
}

function bodyQuery(db: Executor) {
  return withOrg(db, 'enforcement_body', 'b')
    .leftJoin('org as e', 'e.id', 'b.entrusted_by_org_id')
    .select((eb) => [
      'b.id',
      'b.region_code',
      'b.org_id',
      'g.name as org_name',
      'b.name',
      'b.kind',
      'b.scope',
      'b.entrusted_by_org_id',
      'e.name as entrusted_by_org_name',
      'b.basis',
      'b.active',
      'b.version',
      eb
        .selectFrom('enforcement_officer as o')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('o.body_id', '=', 'b.id')
        .where('o.active', '=', true)
        .as('officer_count'),
    ]);
}

export type BodyRow = Awaited<ReturnType<ReturnType<typeof bodyQuery>['executeTakeFirstOrThrow']>>;

/** The row findBody reads, as one JSON value a larger read can select (a case act's one read). */
export function bodyJson(bodyId: Expression<string>) {
  return sql<BodyRow | null>`(select row_to_json(x) from (select b.id, b.region_code, b.org_id, g.name as org_name,
      b.name, b.kind, b.scope, b.entrusted_by_org_id, e.name as entrusted_by_org_name, b.basis, b.active,
      b.version, (select count(*) from enforcement_officer o where o.body_id = b.id and o.active = true)
      as officer_count
    from enforcement_body b join org g on g.id = b.org_id left join org e on e.id = b.entrusted_by_org_id
    where b.id = ${bodyId}) x)`;
}

export function presentBody(r: BodyRow): EnforcementBody {
  const kind = r.kind as BodyKind;
  return {
    id: r.id,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    kind,
    kindLabel: bodyKindLabels[kind],
    scope: r.scope,
    entrustedByOrgId: r.entrusted_by_org_id,
    entrustedByOrgName: r.entrusted_by_org_name,
    basis: r.basis,
    active: r.active,
    officerCount: Number(r.officer_count ?? 0),
    version: r.version,
  };
}

/** The body ledger's filters (名称 contains, 类别, 所属单位) within the scope, on `enforcement_body as b`. */
function bodyConditions(scope: Scope, f: BodyFilter) {
  const w = [inScope(scope, 'b')];
  if (f.q) w.push(sql<boolean>`b.name like ${`%${f.q}%`}`);
  if (f.kind) w.push(sql<boolean>`b.kind = ${f.kind}`);
  if (f.orgId) w.push(sql<boolean>`b.org_id = ${f.orgId}`);
  return sql<boolean>`${sql.join(w, sql` and `)}`;
}

export async function listBodies(db: Executor, scope: Scope, filter: BodyFilter, page: PageRequest) {
  const where = bodyConditions(scope, filter);
  const [rows, count] = await Promise.all([
    // the tree's order, then each unit's bodies by name: a total order, so that pages do not
    // repeat or skip a body of a unit with several
    bodyQuery(db)
      .where(where)
      .orderBy('g.tree_rank')
      .orderBy('b.name')
      .orderBy('b.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    listTotal(db, db.selectFrom('enforcement_body as b').select('b.id').where(where), page),
  ]);
  return { items: rows.map(presentBody), ...count };
}

export async function findBody(db: Executor, scope: Scope, id: string): Promise<EnforcementBody | undefined> {
  const r = await bodyQuery(db).where('b.id', '=', id).where(inScope(scope, 'b')).executeTakeFirst();
  return r ? presentBody(r) : undefined;
}

export interface OfficerFilter {
  q?: string | undefined;
  orgId?: string | undefined;
  bodyId?: string | undefined;
  active?: boolean | undefined;
  /** exactly this state on `today` */
  certificateState?: CertificateState | undefined;
  /** valid certificates whose last day falls within this many days of `today` (inclusive) */
  expiresWithin?: number | undefined;
  /** officers without a valid certificate on `today` */
  uncertified?: boolean | undefined;
}

/** Each officer with the latest certificate (by valid-until). */
function officerQuery(db: Executor) {
  return withOrg(db, 'enforcement_officer', 'o')
    .innerJoin('enforcement_body as b', 'b.id', 'o.body_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('enforcement_certificate as c0')
          .select([
            'c0.id',
            'c0.number',
            'c0.field',
            'c0.issued_on',
            'c0.valid_until',
            'c0.status',
            'c0.version',
          ])
          .whereRef('c0.officer_id', '=', 'o.id')
          .orderBy('c0.valid_until', 'desc')
          .limit(1)
          .as('c'),
      (join) => join.onTrue(),
    )
    .select([
      'o.id',
      'o.region_code',
      'o.org_id',
      'g.name as org_name',
      'o.body_id',
      'b.name as body_name',
      'o.user_id',
      'o.name',
      'o.gender',
      'o.position',
      'o.training_hours',
      'o.active',
      'o.version',
      'c.id as cert_id',
      'c.number as cert_number',
      'c.field as cert_field',
      'c.issued_on as cert_issued_on',
      'c.valid_until as cert_valid_until',
      'c.status as cert_status',
      'c.version as cert_version',
    ]);
}

type OfficerRow = Awaited<ReturnType<ReturnType<typeof officerQuery>['executeTakeFirstOrThrow']>>;

function presentOfficer(r: OfficerRow, today: LocalDate): Officer {
  const certificate: Certificate | null =
    r.cert_id && r.cert_number && r.cert_field && r.cert_issued_on && r.cert_valid_until && r.cert_status
      ? {
          id: r.cert_id,
          officerId: r.id,
          number: r.cert_number,
          field: r.cert_field,
          issuedOn: r.cert_issued_on,
          validUntil: r.cert_valid_until,
          status: r.cert_status as CertificateStatus,
          version: Number(r.cert_version),
        }
      : null;
  const state = certificateState(certificate, today);
  return {
    id: r.id,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    userId: r.user_id,
    name: r.name,
    gender: r.gender as Gender,
    position: r.position,
    trainingHours: r.training_hours,
    active: r.active,
    version: r.version,
    certificate,
    certificateState: state,
    certificateStateLabel: certificateStateLabels[state],
  };
}

/** The SQL twin of `certificateState` (same bands), so the ledger filters in the database. */
function stateCondition(state: CertificateState, today: LocalDate) {
  const d30 = addDays(today, 30);
  const d90 = addDays(today, 90);
  switch (state) {
    case 'none':
      return sql<boolean>`c.id is null`;
    case 'revoked':
    case 'suspended':
      return sql<boolean>`c.status = ${state}`;
    case 'notYetValid':
      return sql<boolean>`c.status = 'valid' and c.issued_on > ${today}::date`;
    case 'expired':
      return sql<boolean>`c.status = 'valid' and c.valid_until < ${today}::date`;
    case 'expiring30':
      return sql<boolean>`c.status = 'valid' and c.issued_on <= ${today}::date and c.valid_until between ${today}::date and ${d30}::date`;
    case 'expiring90':
      return sql<boolean>`c.status = 'valid' and c.issued_on <= ${today}::date and c.valid_until > ${d30}::date and c.valid_until <= ${d90}::date`;
    case 'valid':
      return sql<boolean>`c.status = 'valid' and c.issued_on <= ${today}::date and c.valid_until > ${d90}::date`;
  }
}

/** The filters on the officer row itself (no certificate), shared by the page and its count. */
function officerConditions(scope: Scope, f: OfficerFilter) {
  const w = [inScope(scope, 'o')];
  if (f.orgId) w.push(sql<boolean>`o.org_id = ${f.orgId}`);
  if (f.bodyId) w.push(sql<boolean>`o.body_id = ${f.bodyId}`);
  if (f.active !== undefined) w.push(sql<boolean>`o.active = ${f.active}`);
  return sql<boolean>`${sql.join(w, sql` and `)}`;
}

/** Filters that read the latest certificate (the lateral join) rather than the officer row. */
const readsCertificate = (f: OfficerFilter) =>
  Boolean(f.q || f.certificateState || f.expiresWithin !== undefined || f.uncertified);

function filtered(db: Executor, scope: Scope, f: OfficerFilter, today: LocalDate) {
  let q = officerQuery(db).where(officerConditions(scope, f));
  if (f.q) q = q.where((eb) => eb.or([eb('o.name', 'like', `%${f.q}%`), eb('c.number', 'like', `%${f.q}%`)]));
  if (f.certificateState) q = q.where(stateCondition(f.certificateState, today));
  if (f.expiresWithin !== undefined) {
    q = q.where(
      sql<boolean>`c.status = 'valid' and c.valid_until between ${today}::date and ${addDays(today, f.expiresWithin)}::date`,
    );
  }
  if (f.uncertified) {
    q = q.where(
      sql<boolean>`not coalesce(c.status = 'valid' and c.issued_on <= ${today}::date and c.valid_until >= ${today}::date, false)`,
    );
  }
  return q;
}

export async function listOfficers(
  db: Executor,
  scope: Scope,
  filter: OfficerFilter,
  today: LocalDate,
  page: PageRequest,
): Promise<{ items: Officer[] } & ListTotal> {
  if (readsCertificate(filter)) {
    const q = filtered(db, scope, filter, today);
    const { rows, ...total } = await pageAndTotal(
      db,
      q.orderBy('g.tree_rank').orderBy('o.name').orderBy('o.id').offset(page.offset).limit(page.limit),
      q,
      page,
    );
    return { items: rows.map((r) => presentOfficer(r, today)), ...total };
  }
  // no certificate filter: the page is chosen on the officers (ordered by the org tree: orgs read
  // in the tree's order (tree_rank), officers through their org's index) first, and only its rows are joined to
  // their latest certificate and body, picked by id = any(array(…)) (an index scan of 20 ids, not
  // a semi-join over every officer); the total rides along
  const pageIds = withOrg(db, 'enforcement_officer', 'o')
    .select('o.id')
    .where(officerConditions(scope, filter))
    .orderBy('g.tree_rank')
    .orderBy('o.name')
    .orderBy('o.id')
    .offset(page.offset)
    .limit(page.limit);
  const { rows, ...total } = await pageAndTotal(
    db,
    officerQuery(db)
      .where(sql<boolean>`o.id = any(array(${pageIds}))`)
      .orderBy('g.tree_rank')
      .orderBy('o.name')
      .orderBy('o.id'),
    db.selectFrom('enforcement_officer as o').select('o.id').where(officerConditions(scope, filter)),
    page,
  );
  return { items: rows.map((r) => presentOfficer(r, today)), ...total };
}

/** All matching officers in ledger order, a page at a time (for the Excel export). */
export async function* iterateOfficers(db: Executor, scope: Scope, filter: OfficerFilter, today: LocalDate) {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const rows = await filtered(db, scope, filter, today)
      .orderBy('g.tree_rank')
      .orderBy('o.name')
      .orderBy('o.id')
      .offset(offset)
      .limit(size)
      .execute();
    for (const r of rows) yield presentOfficer(r, today);
    if (rows.length < size) return;
  }
}

export async function findOfficer(
  db: Executor,
  scope: Scope,
  id: string,
  today: LocalDate,
): Promise<Officer | undefined> {
  const r = await officerQuery(db).where('o.id', '=', id).where(inScope(scope, 'o')).executeTakeFirst();
  return r ? presentOfficer(r, today) : undefined;
}

/** Officers by id, in scope, with their latest certificate (for handler checks). */
export async function findOfficers(
  db: Executor,
  scope: Scope,
  ids: readonly string[],
  today: LocalDate,
): Promise<Officer[]> {
  if (ids.length === 0) return [];
  const rows = await officerQuery(db)
    .where('o.id', 'in', [...ids])
    .where(inScope(scope, 'o'))
    .execute();
  return rows.map((r) => presentOfficer(r, today));
}

export async function listCertificates(
  db: Executor,
  scope: Scope,
  officerId: string,
): Promise<Certificate[]> {
  const rows = await db
    .selectFrom('enforcement_certificate as c')
    .selectAll('c')
    .where('c.officer_id', '=', officerId)
    .where(inScope(scope, 'c'))
    .orderBy('c.valid_until', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    officerId: r.officer_id,
    number: r.number,
    field: r.field,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    status: r.status as CertificateStatus,
    version: r.version,
  }));
}

/**
 * Officers with their full certificate history (latest valid-until first), as loadHandlers reads
 * them, as one JSON array a larger read can select (a case act's one read).
 */
export function handlersJson(ids: Expression<string[]>) {
  return sql<
    {
      id: string;
      name: string;
      active: boolean;
      bodyId: string;
      userId: string | null;
      certificates: { number: string; issuedOn: string; validUntil: string; status: string }[];
    }[]
  >`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'active', o.active,
      'bodyId', o.body_id, 'userId', o.user_id, 'certificates', coalesce((select json_agg(json_build_object(
        'number', ce.number, 'issuedOn', ce.issued_on, 'validUntil', ce.valid_until, 'status', ce.status)
        order by ce.valid_until desc) from enforcement_certificate ce where ce.officer_id = o.id), '[]'::json)))
    from enforcement_officer o where o.id = any(${ids})), '[]'::json)`;
}
