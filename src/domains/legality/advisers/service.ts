import { parseInput } from '../../../platform/validation.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { atVersion, insertOwned, newId, updateVersioned } from '../../../platform/db/tx.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { recordAudit, writeTxFor } from '../action-log.js';
import { resolveSubmitter } from '../review/service.js';
import { contractState, contractStateLabels } from './rules.js';
import {
  AdviserInput,
  type AdviserKind,
  adviserKindLabels,
  type AppointedBy,
  appointedByLabels,
  DESK_WORK_KINDS,
  WorkInput,
  type WorkKind,
  workKindLabels,
} from './schema.js';
import { type AdviserFilter, type AdviserRow, findAdviserRow, listAdvisers, listWork } from './store.js';

const notFoundAdviser = () => notFound('legality.adviser.notFound', '法律顾问不存在或不在您的权限范围内');

export interface AdviserSummary {
  id: string;
  orgId: string;
  orgName: string;
  kind: AdviserKind;
  kindLabel: string;
  party: string;
  name: string;
  firm: string;
  appointedBy: AppointedBy;
  appointedByLabel: string;
  village: string;
  contractFrom: string | null;
  contractTo: string | null;
  contractStateLabel: string;
  certificateNo: string | null;
  fields: string[];
  team: string;
  active: boolean;
  workCount: number;
  version: number;
}

function present(a: AdviserRow, today: string): AdviserSummary {
  const kind = a.kind as AdviserKind;
  const by = a.appointed_by as AppointedBy;
  return {
    id: a.id,
    orgId: a.org_id,
    orgName: a.org_name,
    kind,
    kindLabel: adviserKindLabels[kind],
    party: a.party === 'firm' ? '律师事务所' : '个人',
    name: a.name,
    firm: a.firm,
    appointedBy: by,
    appointedByLabel: appointedByLabels[by],
    village: a.village,
    contractFrom: a.contract_from,
    contractTo: a.contract_to,
    contractStateLabel: contractStateLabels[contractState(a, today)],
    certificateNo: a.certificate_no,
    fields: a.fields,
    team: a.team,
    active: a.active,
    workCount: Number(a.work_count),
    version: a.version,
  };
}

function values(input: AdviserInput) {
  return {
    kind: input.kind,
    party: input.party,
    name: input.name,
    firm: input.firm ?? '',
    appointed_by: input.appointedBy,
    village: input.appointedBy === 'village' ? (input.village ?? '') : '',
    contract_from: input.contractFrom ?? null,
    contract_to: input.contractTo ?? null,
    certificate_no: input.certificateNo || null,
    fields: input.fields,
    team: input.team ?? '',
  };
}

async function checkCertificate(ctx: Ctx, certificateNo: string | undefined, self: string | null) {
  if (!certificateNo) return;
  const other = await ctx.db
    .selectFrom('legality_adviser')
    .select('id')
    .where('certificate_no', '=', certificateNo)
    .executeTakeFirst();
  if (other && other.id !== self)
    throw invalid('legality.adviser.certificateTaken', `执业证号“${certificateNo}”已登记`, 'certificateNo');
}

export async function createAdviser(ctx: Ctx, raw: unknown): Promise<AdviserSummary> {
  authorize(ctx.actor, 'legality:adviser:edit');
  const input = parseInput(AdviserInput, raw);
  const org = await resolveSubmitter(ctx, input.orgId);
  await checkCertificate(ctx, input.certificateNo, null);
  const row = { id: newId(), region_code: org.regionCode, org_id: org.id };
  await writeTxFor(ctx, (trx, audit) =>
    insertOwned(
      trx,
      audit,
      ctx.actor,
      'legality_adviser',
      'legality.adviser.create',
      { ...row, ...values(input) },
      input,
    ),
  );
  return getAdviser(ctx, row.id);
}

export async function updateAdviser(ctx: Ctx, id: string, raw: unknown): Promise<AdviserSummary> {
  authorize(ctx.actor, 'legality:adviser:edit');
  const { version, active, ...rest } = (raw ?? {}) as { version?: unknown; active?: unknown };
  const input = parseInput(AdviserInput, rest);
  const row = atVersion(await findAdviserRow(ctx.db, ctx.scope, id), version, notFoundAdviser);
  await checkCertificate(ctx, input.certificateNo, id);
  await writeTxFor(ctx, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'legality_adviser', id, row.version, {
      ...values(input),
      active: active !== false,
    });
    audit(recordAudit('legality.adviser.update', 'legality_adviser', row, { ...input, active }));
  });
  return getAdviser(ctx, id);
}

export async function getAdviser(ctx: Ctx, id: string): Promise<AdviserSummary> {
  authorize(ctx.actor, 'legality:adviser:list');
  const row = await findAdviserRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundAdviser();
  return present(row, chinaDate(ctx.now()));
}

export async function searchAdvisers(ctx: Ctx, f: AdviserFilter, page: { offset: number; limit: number }) {
  authorize(ctx.actor, 'legality:adviser:list');
  const { rows, total } = await listAdvisers(ctx.db, ctx.scope, f, page);
  const today = chinaDate(ctx.now());
  return { items: rows.map((r) => present(r, today)), total };
}

/** The work log: what the desk recorded and what was entered by hand. */
export async function adviserWork(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'legality:adviser:list');
  const row = await findAdviserRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundAdviser();
  return (await listWork(ctx.db, id)).map((w) => ({
    id: w.id,
    kind: w.kind,
    kindLabel: workKindLabels[w.kind as WorkKind] ?? w.kind,
    occurredOn: w.occurred_on,
    title: w.title,
    count: w.count,
    source: w.source === 'desk' ? '审查台自动记录' : '手工登记',
    reviewId: w.review_id,
  }));
}

/** 列席会议, 代理诉讼/复议, 培训, 信访接待 …: entered by hand (the desk writes the reviews itself). */
export async function recordWork(ctx: Ctx, id: string, raw: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, 'legality:adviser:edit');
  const input = parseInput(WorkInput, raw);
  if (DESK_WORK_KINDS.includes(input.kind))
    throw conflict(
      'legality.adviser.deskKind',
      `“${workKindLabels[input.kind]}”由合法性审查台自动记录,无需手工登记`,
      { field: 'kind' },
    );
  if (input.occurredOn > chinaDate(ctx.now()))
    throw invalid('legality.adviser.futureDate', '日期不能晚于今天', 'occurredOn');
  const row = await findAdviserRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundAdviser();
  const work = { id: newId(), region_code: row.region_code, org_id: row.org_id };
  const done = {
    ...work,
    adviser_id: id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    title: input.title,
    count: input.count,
    source: 'manual' as const,
    review_id: null,
  };
  await writeTxFor(ctx, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, 'legality_adviser_work', 'legality.adviser.work', done, input),
  );
  return { id: work.id };
}
