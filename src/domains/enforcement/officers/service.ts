import { insertInBatches } from '../../../platform/service/batches.js';
import { enforcementError } from '../errors.js';
import { parseRow } from '../../../platform/validation.js';
import { ALL_SCOPE, type Ctx, today } from '../../../platform/context.js';
import type { PageRequest } from '../../../platform/paging.js';
import { insertAudited, newId, writeTx, writeVersioned } from '../../../platform/db/tx.js';
import { auditOneOrBatch } from '../audit.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { findOrg } from '../../org/org-store.js';
import { authorize } from '../../org/policy.js';
import { checkCertificateDates } from './rules.js';
import {
  type Certificate,
  CertificateInput,
  CreateBodyInput,
  CreateOfficerInput,
  type EnforcementBody,
  type Officer,
  SetCertificateStatusInput,
  UpdateBodyInput,
  UpdateOfficerInput,
} from './schema.js';
import {
  findBody,
  findOfficer,
  listBodies,
  listCertificates,
  listOfficers,
  type BodyFilter,
  type OfficerFilter,
} from './store.js';

export async function getBody(ctx: Ctx, id: string): Promise<EnforcementBody> {
  authorize(ctx.actor, 'enforcement:body:list');
  const body = await findBody(ctx.db, ctx.scope, id);
  if (!body) throw enforcementError('enforcement.bodyNotFound');
  return body;
}

export async function searchBodies(ctx: Ctx, filter: BodyFilter, page: PageRequest) {
  authorize(ctx.actor, 'enforcement:body:list');
  return listBodies(ctx.db, ctx.scope, filter, page);
}

/** Registers an org as an enforcement body; an entrusted body names the entrusting org (处罚法 art. 20). */
export async function createBody(ctx: Ctx, raw: unknown): Promise<EnforcementBody> {
  authorize(ctx.actor, 'enforcement:body:edit');
  const input = CreateBodyInput.parse(raw);
  const org = await findOrg(ctx.db, ctx.scope, input.orgId);
  if (!org) throw notFound('org.notFound', '机构不存在或不在您的权限范围内');
  if (input.kind === 'entrusted' && !input.entrustedByOrgId) {
    throw invalid('enforcement.entrustorRequired', '受委托组织必须写明委托机关', 'entrustedByOrgId');
  }
  if (input.kind !== 'entrusted' && input.entrustedByOrgId) {
    throw invalid('enforcement.entrustorNotAllowed', '只有受委托组织才填写委托机关', 'entrustedByOrgId');
  }
  if (input.entrustedByOrgId && !(await findOrg(ctx.db, ALL_SCOPE, input.entrustedByOrgId))) {
    throw invalid('enforcement.entrustorNotFound', '委托机关不存在', 'entrustedByOrgId');
  }
  const id = newId();
  await insertAudited(ctx, 'enforcement_body', 'enforcement.body.create', {
    id,
    region_code: org.regionCode,
    org_id: org.id,
    name: input.name ?? org.name,
    kind: input.kind,
    scope: input.scope ?? '',
    entrusted_by_org_id: input.entrustedByOrgId ?? null,
    basis: input.basis ?? '',
  });
  return readBack(ctx, id);
}

async function readBack(ctx: Ctx, id: string): Promise<EnforcementBody> {
  const body = await findBody(ctx.db, ALL_SCOPE, id);
  if (!body) throw enforcementError('enforcement.bodyNotFound');
  return body;
}

export async function updateBody(ctx: Ctx, id: string, raw: unknown): Promise<EnforcementBody> {
  authorize(ctx.actor, 'enforcement:body:edit');
  const input = UpdateBodyInput.parse(raw);
  const before = await getBody(ctx, id);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.scope !== undefined ? { scope: input.scope } : {}),
    ...(input.basis !== undefined ? { basis: input.basis } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await writeVersioned(ctx, 'enforcement_body', id, input.version, patch, {
    action: 'enforcement.body.update',
    orgId: before.orgId,
    regionCode: before.regionCode,
    change: { after: patch },
  });
  return readBack(ctx, id);
}

export async function getOfficer(ctx: Ctx, id: string): Promise<Officer & { certificates: Certificate[] }> {
  authorize(ctx.actor, 'enforcement:officer:list');
  const officer = await findOfficer(ctx.db, ctx.scope, id, today(ctx));
  if (!officer) throw enforcementError('enforcement.officerNotFound');
  return { ...officer, certificates: await listCertificates(ctx.db, ctx.scope, id) };
}

export async function searchOfficers(ctx: Ctx, filter: OfficerFilter, page: PageRequest) {
  authorize(ctx.actor, 'enforcement:officer:list');
  return listOfficers(ctx.db, ctx.scope, filter, today(ctx), page);
}

export async function createOfficer(ctx: Ctx, raw: unknown): Promise<Officer> {
  const [id] = await createOfficers(ctx, [raw]);
  if (!id) throw enforcementError('enforcement.officerNotFound');
  return (await getOfficer({ ...ctx, scope: ALL_SCOPE }, id)) as Officer;
}

/**
 * Creates officers (with their first certificate) in one transaction and one audit entry naming
 * the count — the path of the demo seed and of ledger imports. Every row is validated first;
 * one bad row writes nothing.
 */
export async function createOfficers(ctx: Ctx, raws: readonly unknown[]): Promise<string[]> {
  authorize(ctx.actor, 'enforcement:officer:edit');
  const inputs = raws.map((r, i) => {
    const parsed = parseRow(CreateOfficerInput, r, i, raws.length);
    if (parsed.certificate) checkCertificateDates(parsed.certificate.issuedOn, parsed.certificate.validUntil);
    return parsed;
  });
  const bodies = new Map<string, EnforcementBody>();
  for (const bodyId of new Set(inputs.map((i) => i.bodyId))) {
    const body = await findBody(ctx.db, ctx.scope, bodyId);
    if (!body) throw enforcementError('enforcement.bodyNotFound');
    bodies.set(bodyId, body);
  }
  const officers = inputs.map((input) => {
    const body = bodies.get(input.bodyId) as EnforcementBody; // loaded above for every bodyId
    return {
      id: newId(),
      region_code: body.regionCode,
      org_id: body.orgId,
      body_id: body.id,
      user_id: input.userId ?? null,
      name: input.name,
      gender: input.gender,
      position: input.position ?? '',
      training_hours: input.trainingHours ?? 0,
      // the registration day by the caller's clock: a figure as of an earlier day leaves the officer out
      created_at: ctx.now(),
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    };
  });
  const certificates = inputs.flatMap((input, i) => {
    const o = officers[i];
    if (!input.certificate || !o) return [];
    return [
      {
        id: newId(),
        region_code: o.region_code,
        org_id: o.org_id,
        officer_id: o.id,
        number: input.certificate.number,
        field: input.certificate.field,
        issued_on: input.certificate.issuedOn,
        valid_until: input.certificate.validUntil,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      },
    ];
  });
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await insertInBatches(trx, 'enforcement_officer', officers, 500);
    await insertInBatches(trx, 'enforcement_certificate', certificates, 500);
    auditOneOrBatch(
      audit,
      'enforcement_officer',
      officers,
      {
        action: 'enforcement.officer.create',
        change: (o) => ({ after: o, certificate: certificates[0] ?? null }),
      },
      {
        action: 'enforcement.officer.bulkCreate',
        change: { count: officers.length, certificates: certificates.length },
      },
    );
  });
  return officers.map((o) => o.id);
}

export async function updateOfficer(ctx: Ctx, id: string, raw: unknown): Promise<Officer> {
  authorize(ctx.actor, 'enforcement:officer:edit');
  const input = UpdateOfficerInput.parse(raw);
  const before = await getOfficer(ctx, id);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
    ...(input.trainingHours !== undefined ? { training_hours: input.trainingHours } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    ...(input.active !== undefined && input.active !== before.active
      ? { left_on: input.active ? null : today(ctx) }
      : {}),
    ...(input.userId !== undefined ? { user_id: input.userId } : {}),
  };
  if (
    input.userId &&
    !(await ctx.db.selectFrom('app_user').select('id').where('id', '=', input.userId).executeTakeFirst())
  ) {
    throw invalid('enforcement.userNotFound', '关联的用户账号不存在', 'userId');
  }
  await writeVersioned(ctx, 'enforcement_officer', id, input.version, patch, {
    action: 'enforcement.officer.update',
    orgId: before.orgId,
    regionCode: before.regionCode,
    change: { after: patch },
  });
  return getOfficer({ ...ctx, scope: ALL_SCOPE }, id);
}

/** A new (renewed) certificate; earlier ones stay as history. */
export async function addCertificate(ctx: Ctx, officerId: string, raw: unknown): Promise<Officer> {
  authorize(ctx.actor, 'enforcement:officer:edit');
  const input = CertificateInput.parse(raw);
  checkCertificateDates(input.issuedOn, input.validUntil);
  const officer = await getOfficer(ctx, officerId);
  const id = newId();
  await insertAudited(ctx, 'enforcement_certificate', 'enforcement.certificate.create', {
    id,
    region_code: officer.regionCode,
    org_id: officer.orgId,
    officer_id: officerId,
    number: input.number,
    field: input.field,
    issued_on: input.issuedOn,
    valid_until: input.validUntil,
  });
  return getOfficer({ ...ctx, scope: ALL_SCOPE }, officerId);
}

/** 暂扣 / 注销 / 恢复 a certificate. */
export async function setCertificateStatus(
  ctx: Ctx,
  certificateId: string,
  raw: unknown,
): Promise<Certificate> {
  authorize(ctx.actor, 'enforcement:officer:edit');
  const input = SetCertificateStatusInput.parse(raw);
  const cert = await ctx.db
    .selectFrom('enforcement_certificate')
    .selectAll()
    .where('id', '=', certificateId)
    .executeTakeFirst();
  if (!cert || !(await findOfficer(ctx.db, ctx.scope, cert.officer_id, today(ctx)))) {
    throw enforcementError('enforcement.certificateNotFound');
  }
  const patch = {
    status: input.status,
    status_on: input.status === cert.status ? cert.status_on : today(ctx),
  };
  await writeVersioned(ctx, 'enforcement_certificate', certificateId, input.version, patch, {
    action: 'enforcement.certificate.status',
    orgId: cert.org_id,
    regionCode: cert.region_code,
    change: { before: { status: cert.status }, after: { status: input.status } },
  });
  const certs = await listCertificates(ctx.db, ALL_SCOPE, cert.officer_id);
  const updated = certs.find((c) => c.id === certificateId);
  if (!updated) throw enforcementError('enforcement.certificateNotFound');
  return updated;
}
