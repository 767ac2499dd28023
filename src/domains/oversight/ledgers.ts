import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { chinaDate, type Ctx } from '../../platform/context.js';
import { newId, writeTx } from '../../platform/db/tx.js';
import { invalid, notFound } from '../../platform/errors.js';
import { exportLedgerXlsx } from '../../platform/io/index.js';
import { defineColumns } from '../../platform/io/index.js';
import { inScope } from '../../platform/scope.js';
import { authorize } from '../org/policy.js';
import { exams, dutyReports, studySessions, trainings } from './learning/spec.js';
import { type FieldSpec, type LedgerSpec, ledgerInput } from './ledger-kit.js';
import { orgInScope } from './org-access.js';
import { caseExplanations, publicityActivities, publicityLists } from './publicity/spec.js';
import { leaderDuties, workplanTasks } from './workplan/spec.js';
import { functionTransfers } from './functions/spec.js';

/** Every simple ledger of the domain, by key. */
export const LEDGERS: readonly LedgerSpec[] = [
  studySessions,
  exams,
  dutyReports,
  trainings,
  publicityLists,
  publicityActivities,
  caseExplanations,
  workplanTasks,
  leaderDuties,
  functionTransfers,
];

export function ledgerSpec(key: string): LedgerSpec {
  const spec = LEDGERS.find((l) => l.key === key);
  if (!spec) throw notFound('oversight.ledgerNotFound', '台账不存在');
  return spec;
}

/** Columns given in the input; a field left out takes the column's default (never a NULL in a NOT NULL column). */
const given = (fields: readonly FieldSpec[], input: Record<string, unknown>) =>
  fields.filter((f) => input[f.key] !== undefined);

/**
 * Records one entry (and its rows: candidates, attendees) for an org in the caller's scope.
 * A 述法 or any entry for an org outside the scope is refused as not found, nothing written.
 */
export async function createLedgerEntry(ctx: Ctx, key: string, raw: unknown): Promise<{ id: string }> {
  const spec = ledgerSpec(key);
  authorize(ctx.actor, 'oversight:learning:edit');
  const input = ledgerInput(spec).parse(raw) as Record<string, unknown> & { orgId?: string; heldOn: string };
  if (input.heldOn > chinaDate(ctx.now()) && spec.key !== 'workplan')
    throw invalid('oversight.futureDate', `${spec.dateLabel}不能晚于今天`, 'heldOn');
  const orgId = input.orgId ?? ctx.actor.orgId;
  if (!orgId) throw invalid('oversight.orgRequired', '请选择单位', 'orgId');
  const org = await orgInScope(ctx, orgId);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const fields = given(spec.fields, input);
    const cols = [
      'id',
      'region_code',
      'org_id',
      'held_on',
      'created_by',
      'updated_by',
      ...fields.map((f) => f.column),
    ];
    const vals = [
      id,
      org.region_code,
      org.id,
      input.heldOn,
      ctx.actor.userId,
      ctx.actor.userId,
      ...fields.map((f) => input[f.key]),
    ];
    await sql`insert into ${sql.table(spec.table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(vals)})`.execute(
      trx,
    );
    const children = spec.children
      ? ((input[spec.children.key] as Record<string, unknown>[] | undefined) ?? [])
      : [];
    if (spec.children) {
      for (const row of children) {
        const cf = given(spec.children.fields, row);
        const cc = ['id', 'parent_id', 'region_code', 'org_id', ...cf.map((f) => f.column)];
        const cv = [newId(), id, org.region_code, org.id, ...cf.map((f) => row[f.key])];
        await sql`insert into ${sql.table(spec.children.table)} (${sql.join(cc.map((c) => sql.ref(c)))}) values (${sql.join(cv)})`.execute(
          trx,
        );
      }
    }
    audit({
      action: `oversight.${spec.key}.create`,
      entity: spec.table,
      entityId: id,
      orgId: org.id,
      regionCode: org.region_code,
      change: { after: input },
    });
  });
  return { id };
}

export interface LedgerFilter {
  year?: number | undefined;
  orgId?: string | undefined;
}

type Row = Record<string, unknown> & {
  id: string;
  org_id: string;
  org_name: string;
  held_on: string;
  version: number;
};

function present(spec: LedgerSpec, r: Row, children: Record<string, unknown>[] = []) {
  const out: Record<string, unknown> = {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    heldOn: r.held_on,
    version: r.version,
  };
  const num = (f: FieldSpec, v: unknown) =>
    v !== null && (f.kind === 'decimal' || f.kind === 'int') ? Number(v) : v;
  for (const f of spec.fields) out[f.key] = num(f, r[f.column]);
  if (spec.children) {
    const fields = spec.children.fields;
    out[spec.children.key] = children.map((c) =>
      Object.fromEntries(fields.map((f) => [f.key, num(f, c[f.column])])),
    );
  }
  return out;
}

export async function listLedgerEntries(
  ctx: Ctx,
  key: string,
  f: LedgerFilter,
  page: { offset: number; limit: number },
) {
  const spec = ledgerSpec(key);
  authorize(ctx.actor, 'oversight:learning:list');
  const where = [inScope(ctx.scope, 'e')];
  if (f.year) where.push(sql`e.held_on between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date`);
  if (f.orgId) where.push(sql`e.org_id = ${f.orgId}`);
  const cond = sql.join(where, sql` and `);
  const rows =
    await sql<Row>`select e.*, g.name as org_name from ${sql.table(spec.table)} e join org g on g.id = e.org_id
    where ${cond} order by e.held_on desc, e.id offset ${page.offset} limit ${page.limit}`.execute(ctx.db);
  const count = await sql<{
    n: string;
  }>`select count(*) as n from ${sql.table(spec.table)} e where ${cond}`.execute(ctx.db);
  const ids = rows.rows.map((r) => r.id);
  const kids =
    spec.children && ids.length > 0
      ? (
          await sql<
            Record<string, unknown> & { parent_id: string }
          >`select * from ${sql.table(spec.children.table)}
            where parent_id = any(${ids}::uuid[]) order by person_name`.execute(ctx.db)
        ).rows
      : [];
  return {
    items: rows.rows.map((r) =>
      present(
        spec,
        r,
        kids.filter((k) => k.parent_id === r.id),
      ),
    ),
    total: Number(count.rows[0]?.n ?? 0),
  };
}

/** The ledger (same filters as the list) to .xlsx, one row per entry; rows of entries are counted. */
export async function exportLedger(ctx: Ctx, key: string, f: LedgerFilter, out: Writable) {
  const spec = ledgerSpec(key);
  const label = (fs: FieldSpec, v: unknown) =>
    fs.kind === 'enum' && typeof v === 'string' ? (fs.options?.[v] ?? v) : v;
  const columns = defineColumns<Record<string, string | number | null>>([
    { key: 'orgName', header: '单位', kind: 'text', required: true, width: 26 },
    { key: 'heldOn', header: spec.dateLabel, kind: 'date', required: true, width: 12 },
    ...spec.fields.map((fs) => ({
      key: fs.key,
      header: fs.label,
      kind:
        fs.kind === 'int'
          ? ('int' as const)
          : fs.kind === 'decimal'
            ? ('decimal' as const)
            : fs.kind === 'date'
              ? ('date' as const)
              : ('text' as const),
      width: fs.kind === 'longText' ? 40 : 16,
    })),
    ...(spec.children
      ? [{ key: '_children', header: `${spec.children.label}(人)`, kind: 'int' as const, width: 10 }]
      : []),
  ]);
  async function* rows() {
    for (let offset = 0; ; offset += 500) {
      const { items } = await listLedgerEntries(ctx, key, f, { offset, limit: 500 });
      for (const it of items) {
        const row: Record<string, string | number | null> = {
          orgName: String(it.orgName),
          heldOn: String(it.heldOn),
        };
        for (const fs of spec.fields) row[fs.key] = (label(fs, it[fs.key]) as string | number | null) ?? null;
        if (spec.children) row._children = (it[spec.children.key] as unknown[]).length;
        yield row;
      }
      if (items.length < 500) return;
    }
  }
  return exportLedgerXlsx(rows(), columns, out, { sheetName: spec.title });
}

/** 年度工作要点: a progress update (percentage and what was done) on a task in scope. */
export async function updateWorkplanProgress(
  ctx: Ctx,
  id: string,
  input: { progress: number; note: string; version: number },
) {
  authorize(ctx.actor, 'oversight:learning:edit');
  const task = await ctx.db
    .selectFrom('oversight_workplan_task as e')
    .select(['e.id', 'e.org_id', 'e.region_code', 'e.progress'])
    .where(inScope(ctx.scope, 'e'))
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!task) throw notFound('oversight.taskNotFound', '工作任务不存在或不在您的权限范围内');
  if (input.progress < task.progress)
    throw invalid('oversight.progressBack', '完成进度不能比上次填报的低', 'progress');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await trx
      .updateTable('oversight_workplan_task')
      .set((eb) => ({
        progress: input.progress,
        last_update: input.note,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw invalid('conflict.stale', '该记录已被他人修改,请刷新后重试', 'version');
    audit({
      action: 'oversight.workplan.progress',
      entity: 'oversight_workplan_task',
      entityId: id,
      orgId: task.org_id,
      regionCode: task.region_code,
      change: { before: task.progress, after: input.progress, note: input.note },
    });
  });
}
