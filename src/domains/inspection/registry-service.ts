import { insertInBatches } from '../../platform/service/batches.js';
import { sql } from 'kysely';
import type { Ctx } from '../../platform/context.js';
import { chinaDate } from '../../platform/context.js';
import { insertAudited, newId, ownedBy, writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { invalid, notFound } from '../../platform/errors.js';
import { checkUscc } from '../../platform/ids/index.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import { authorize } from '../org/policy.js';
import { findOrgRow, listChecklistItems, listInspectees, listInspectors } from './registry-store.js';
import {
  CreateChecklistItemInput,
  CreateConflictInput,
  CreateInspecteeInput,
  CreateInspectorInput,
  InspecteeRow,
  toBp,
} from './schema.js';

/** The org a new record belongs to: given, or the actor's own; it must be inside the scope. */
export async function orgForWrite(ctx: Ctx, orgId: string | undefined, field = 'orgId') {
  const id = orgId ?? ctx.actor.orgId;
  if (!id) throw invalid('inspection.orgRequired', '请指定所属单位', field);
  const org = await findOrgRow(ctx.db, id);
  if (!org || !(ctx.scope.all || ctx.scope.orgIds.includes(id)))
    throw notFound('org.notFound', '所选单位不存在或不在您的权限范围内');
  if (ctx.scope.regionCodes.length > 0 && !ctx.scope.regionCodes.includes(org.region_code))
    throw notFound('org.notFound');
  return org;
}

/**
 * The record a list by id answers, or notFound (`message`, else the generic one): a record out of
 * the caller's scope is not listed, so it is refused as missing rather than as forbidden.
 */
export function listedRecord<T>(list: { items: T[] }, code: string, message?: string): T {
  const record = list.items[0];
  if (!record) throw notFound(code, message);
  return record;
}

export async function createChecklistItem(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'inspection:registry:edit');
  const input = CreateChecklistItemInput.parse(raw);
  const org = await orgForWrite(ctx, input.orgId);
  const id = newId();
  await insertAudited(ctx, 'inspection_checklist_item', 'inspection.checklistItem.create', {
    ...ownedBy(id, org),
    matter: input.matter,
    category: input.category ?? '',
    legal_basis: input.legalBasis,
    method: input.method,
    default_ratio_bp: toBp(input.defaultRatioPercent),
    frequency_per_year: input.frequencyPerYear,
    joint: input.joint,
  });
  return listedRecord(
    await listChecklistItems(ctx.db, ctx.scope, { ids: [id] }),
    'inspection.checklistItemNotFound',
  );
}

function inspecteeValues(
  ctx: Ctx,
  org: { id: string; region_code: string },
  r: ReturnType<typeof InspecteeRow.parse>,
  index: number | null,
) {
  let uscc: string | null = null;
  if (r.uscc) {
    const check = checkUscc(r.uscc);
    const where = index === null ? '' : `第 ${index + 1} 行:`;
    if (!check.ok)
      throw invalid(
        'inspection.badUscc',
        `${where}${check.reason}`,
        index === null ? 'uscc' : `rows.${index}.uscc`,
      );
    uscc = check.value;
  } else if (r.kind === 'enterprise') {
    throw invalid(
      'inspection.usccRequired',
      '企业必须填写统一社会信用代码',
      index === null ? 'uscc' : `rows.${index}.uscc`,
    );
  }
  return {
    ...ownedBy(newId(), org),
    kind: r.kind,
    name: r.name,
    uscc,
    industry: r.industry,
    location_code: r.locationCode,
    risk_grade: r.riskGrade,
    address: r.address ?? '',
    created_by: ctx.actor.userId,
    updated_by: ctx.actor.userId,
  };
}

export async function createInspectee(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'inspection:registry:edit');
  const { orgId, ...rest } = CreateInspecteeInput.parse(raw);
  const org = await orgForWrite(ctx, orgId);
  const row = inspecteeValues(ctx, org, rest, null);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await trx.insertInto('inspection_inspectee').values(row).execute();
    audit({
      action: 'inspection.inspectee.create',
      entity: 'inspection_inspectee',
      entityId: row.id,
      orgId: org.id,
      regionCode: org.region_code,
      change: { after: row },
    });
  });
  const listed = await listInspectees(ctx.db, ctx.scope, { ids: [row.id] }, { offset: 0, limit: 1 });
  return listedRecord(listed, 'inspection.inspecteeNotFound');
}

/**
 * Writes one batch of inspectee rows inside an open transaction with one audit entry naming the
 * count. A USCC already in the registry updates that inspectee (a new Excel replaces the old
 * figures); the rows must already be valid (`InspecteeRow`).
 */
export async function writeInspecteeBatch(
  ctx: Ctx,
  trx: Tx,
  audit: (e: AuditInput) => void,
  org: { id: string; region_code: string },
  rows: readonly ReturnType<typeof InspecteeRow.parse>[],
  firstIndex = 0,
): Promise<number> {
  const values = rows.map((r, i) => inspecteeValues(ctx, org, r, firstIndex + i));
  for (let i = 0; i < values.length; i += 1000) {
    await trx
      .insertInto('inspection_inspectee')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc
          .columns(['region_code', 'uscc'])
          .where('uscc', 'is not', null)
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            industry: eb.ref('excluded.industry'),
            location_code: eb.ref('excluded.location_code'),
            risk_grade: eb.ref('excluded.risk_grade'),
            address: eb.ref('excluded.address'),
            active: true,
            updated_by: ctx.actor.userId,
            updated_at: sql<Date>`now()`,
            version: sql<number>`inspection_inspectee.version + 1`,
          })),
      )
      .execute();
  }
  audit({
    action: 'inspection.inspectee.import',
    entity: 'inspection_inspectee',
    orgId: org.id,
    regionCode: org.region_code,
    change: { rows: rows.length, first: firstIndex + 1 },
  });
  return rows.length;
}

/**
 * Bulk import of validated rows: batches of `batchSize`, all in one transaction (nothing is
 * written if any row fails), one audit entry per batch.
 */
export async function importInspectees(
  ctx: Ctx,
  input: { orgId?: string; rows: readonly unknown[] },
  batchSize = 5000,
): Promise<{ imported: number }> {
  authorize(ctx.actor, 'inspection:registry:edit');
  const org = await orgForWrite(ctx, input.orgId);
  const rows = input.rows.map((r, i) => {
    const parsed = InspecteeRow.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(
        'inspection.badRow',
        `第 ${i + 1} 行:${issue?.message ?? '格式不正确'}`,
        `rows.${i}.${issue?.path.join('.') ?? ''}`,
      );
    }
    return parsed.data;
  });
  if (rows.length === 0) throw invalid('inspection.emptyImport', '没有要导入的检查对象', 'rows');
  const imported = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    let n = 0;
    for (let i = 0; i < rows.length; i += batchSize)
      n += await writeInspecteeBatch(ctx, trx, audit, org, rows.slice(i, i + batchSize), i);
    return n;
  });
  return { imported };
}

export async function createInspector(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'inspection:registry:edit');
  const input = CreateInspectorInput.parse(raw);
  const org = await orgForWrite(ctx, input.orgId);
  if (input.certificateValidUntil < chinaDate(ctx.now())) {
    throw invalid(
      'inspection.certificateExpired',
      `执法证已于 ${input.certificateValidUntil} 过期,不能登记为执法检查人员`,
      'certificateValidUntil',
    );
  }
  const id = newId();
  await insertAudited(ctx, 'inspection_inspector', 'inspection.inspector.create', {
    ...ownedBy(id, org),
    officer_id: input.officerId ?? null,
    name: input.name,
    certificate_number: input.certificateNumber,
    certificate_valid_until: input.certificateValidUntil,
    fields: input.fields,
  });
  return id;
}

/**
 * 执法检查人员名录库 from the enforcement officers: every active officer of the org (and below,
 * within scope) holding a certificate with status valid and not expired today who is not yet
 * registered. Name, certificate number, validity and field are copied from the certificate.
 */
export async function registerInspectorsFromOfficers(
  ctx: Ctx,
  orgId: string,
): Promise<{ registered: number }> {
  authorize(ctx.actor, 'inspection:registry:edit');
  const org = await orgForWrite(ctx, orgId);
  const today = chinaDate(ctx.now());
  const officers = await ctx.db
    .selectFrom('enforcement_officer as o')
    .innerJoin('enforcement_certificate as c', 'c.officer_id', 'o.id')
    .innerJoin('org as g', 'g.id', 'o.org_id')
    .where('g.path', 'like', `${org.path}%`)
    .where('o.active', '=', true)
    .where('c.status', '=', 'valid')
    .where('c.valid_until', '>=', today)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('inspection_inspector as i').select('i.id').whereRef('i.officer_id', '=', 'o.id'),
        ),
      ),
    )
    .select(['o.id', 'o.org_id', 'o.region_code', 'o.name', 'c.number', 'c.valid_until', 'c.field'])
    .distinctOn('o.id')
    .orderBy('o.id')
    .orderBy('c.valid_until', 'desc')
    .execute();
  const visible = officers.filter((o) => ctx.scope.all || ctx.scope.orgIds.includes(o.org_id));
  if (visible.length === 0) return { registered: 0 };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const rows = visible.map((o) => ({
      id: newId(),
      region_code: o.region_code,
      org_id: o.org_id,
      officer_id: o.id,
      name: o.name,
      certificate_number: o.number,
      certificate_valid_until: o.valid_until,
      fields: [o.field],
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    }));
    await insertInBatches(trx, 'inspection_inspector', rows, 1000);
    audit({
      action: 'inspection.inspector.fromOfficers',
      entity: 'inspection_inspector',
      orgId: org.id,
      regionCode: org.region_code,
      change: { registered: rows.length },
    });
  });
  return { registered: visible.length };
}

export async function createConflict(ctx: Ctx, raw: unknown): Promise<string> {
  authorize(ctx.actor, 'inspection:registry:edit');
  const input = CreateConflictInput.parse(raw);
  const inspectee = listedRecord(
    await listInspectees(ctx.db, ctx.scope, { ids: [input.inspecteeId] }, { offset: 0, limit: 1 }),
    'inspection.inspecteeNotFound',
    '检查对象不存在或不在您的权限范围内',
  );
  if (input.inspectorId) {
    const found = await ctx.db
      .selectFrom('inspection_inspector')
      .select('id')
      .where('id', '=', input.inspectorId)
      .executeTakeFirst();
    if (!found) throw notFound('inspection.inspectorNotFound', '检查人员不存在');
  }
  if (input.conflictOrgId && !(await findOrgRow(ctx.db, input.conflictOrgId)))
    throw notFound('org.notFound', '回避单位不存在');
  const region = (await findOrgRow(ctx.db, inspectee.orgId))?.region_code ?? '';
  const id = newId();
  await insertAudited(ctx, 'inspection_conflict', 'inspection.conflict.create', {
    id,
    region_code: region,
    org_id: inspectee.orgId,
    inspectee_id: input.inspecteeId,
    inspector_id: input.inspectorId ?? null,
    conflict_org_id: input.conflictOrgId ?? null,
    reason: input.reason,
  });
  return id;
}

export { listChecklistItems, listInspectees, listInspectors };
