import type { PassThrough } from 'node:stream';
import type { Ctx } from '../../platform/context.js';
import { newId, writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { checkUscc } from '../../platform/ids/index.js';
import {
  defineColumns,
  exportLedgerXlsx,
  type ImportReport,
  type ImportSource,
  importLedger,
} from '../../platform/io/index.js';
import { type OrgFilter, listOrgs } from './org-store.js';
import { invalidateAuthCaches } from './auth-cache.js';
import { authorize } from './policy.js';
import { type OrgKind, orgKindLabels } from './schema.js';
import { type UserFilter, listUsers } from './user-service.js';
import { startWriting } from '../../platform/http/files.js';

/** 机构台账: the same columns for export and import, so export → edit → import round-trips. */
export interface OrgLedgerRow {
  id: string | null;
  name: string;
  shortName: string | null;
  docPrefix: string | null;
  kind: string;
  parentName: string | null;
  regionCode: string;
  uscc: string | null;
  sort: number | null;
  active: boolean;
}

export const orgColumns = defineColumns<OrgLedgerRow>([
  {
    key: 'id',
    header: '机构编号',
    kind: 'text',
    width: 38,
    validate: (v) => (/^[0-9a-f-]{36}$/i.test(v) ? undefined : '机构编号格式不正确(新增机构请留空)'),
  },
  { key: 'name', header: '机构名称', kind: 'text', required: true, maxLength: 100, width: 36 },
  { key: 'shortName', header: '简称', kind: 'text', maxLength: 40, width: 16 },
  {
    key: 'kind',
    header: '类型',
    kind: 'enum',
    required: true,
    width: 14,
    enum: Object.entries(orgKindLabels).map(([value, label]) => ({ value, label })),
  },
  { key: 'parentName', header: '上级机构', kind: 'text', maxLength: 100, width: 36 },
  {
    key: 'regionCode',
    header: '行政区划代码',
    kind: 'text',
    required: true,
    width: 14,
    validate: (v) =>
      /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/.test(v) ? undefined : '行政区划代码应为 6、9 或 12 位数字',
  },
  {
    key: 'uscc',
    header: '统一社会信用代码',
    kind: 'text',
    width: 22,
    validate: (v) => {
      const r = checkUscc(v);
      return r.ok ? undefined : r.reason;
    },
  },
  { key: 'sort', header: '排序', kind: 'int', width: 8 },
  { key: 'active', header: '启用', kind: 'bool', required: true, width: 8 },
  {
    key: 'docPrefix',
    header: '文书编号前缀',
    kind: 'text',
    maxLength: 20,
    width: 14,
    validate: (v) =>
      /^[\u4e00-\u9fa5A-Za-z0-9]+$/.test(v) ? undefined : '文书编号前缀只能包含汉字、字母和数字',
  },
]);

export async function exportOrgs(ctx: Ctx, filter: OrgFilter): Promise<PassThrough> {
  authorize(ctx.actor, 'system:org:list');
  const { items } = await listOrgs(ctx.db, ctx.scope, filter);
  const rows: OrgLedgerRow[] = items.map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    docPrefix: o.docPrefix,
    kind: o.kind,
    parentName: o.parentName,
    regionCode: o.regionCode,
    uscc: o.uscc,
    sort: o.sort,
    active: o.active,
  }));
  return startWriting((out) => exportLedgerXlsx(rows, orgColumns, out, { sheetName: '机构台账' }));
}

/**
 * Imports the org ledger all-or-nothing: rows with 机构编号 update that org, rows without create
 * one under 上级机构 (named, inside the caller's scope). One transaction, one audit entry per org.
 */
export async function importOrgs(ctx: Ctx, source: ImportSource): Promise<ImportReport> {
  authorize(ctx.actor, 'system:org:edit');
  const visible = (await listOrgs(ctx.db, ctx.scope, {})).items;
  const byName = new Map(visible.map((o) => [o.name, o]));
  const byId = new Map(visible.map((o) => [o.id, o]));
  const regions = new Set((await ctx.db.selectFrom('region').select('code').execute()).map((r) => r.code));
  const createdNames = new Set<string>();
  const touched: { updated: string[]; created: string[] } = { updated: [], created: [] };
  const report = await importLedger<OrgLedgerRow, Tx>(source, orgColumns, {
    checkRow: (row) => {
      const errs: { column: string; message: string }[] = [];
      if (row.id && !byId.has(row.id))
        errs.push({ column: '机构编号', message: '该机构不存在或不在您的权限范围内' });
      if (!row.id) {
        if (!row.parentName) errs.push({ column: '上级机构', message: '新增机构必须填写上级机构' });
        else if (!byName.has(row.parentName) && !createdNames.has(row.parentName))
          errs.push({ column: '上级机构', message: `上级机构“${row.parentName}”不存在或不在您的权限范围内` });
        createdNames.add(row.name);
      }
      if (!regions.has(row.regionCode))
        errs.push({ column: '行政区划代码', message: `行政区划代码 ${row.regionCode} 不存在` });
      return errs;
    },
    transaction: {
      execute: (write) =>
        writeTx(ctx.db, ctx.actor, async (trx, audit) => {
          await write(trx);
          audit({ action: 'org.import', entity: 'org', change: touched });
        }),
    },
    onBatch: async (rows, trx) => {
      for (const row of rows) {
        const id = await applyOrgRow(ctx, trx, row);
        (row.id ? touched.updated : touched.created).push(id);
      }
    },
  });
  if (report.ok) invalidateAuthCaches();
  return report;
}

async function applyOrgRow(ctx: Ctx, trx: Tx, row: OrgLedgerRow): Promise<string> {
  const fields = {
    name: row.name,
    short_name: row.shortName,
    doc_prefix: row.docPrefix,
    kind: row.kind as OrgKind,
    region_code: row.regionCode,
    uscc: row.uscc,
    sort: row.sort ?? 0,
    active: row.active,
  };
  if (row.id) {
    await trx
      .updateTable('org')
      .set((eb) => ({
        ...fields,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .execute();
    return row.id;
  }
  // the parent may be an org created earlier in the same file
  const parent = await trx
    .selectFrom('org')
    .select(['id', 'path', 'depth'])
    .where('name', '=', row.parentName ?? '')
    .orderBy('depth')
    .executeTakeFirstOrThrow();
  const id = newId();
  await trx
    .insertInto('org')
    .values({
      id,
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      ...fields,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
  return id;
}

/** 用户台账 export (phones masked as in the list). */
export interface UserLedgerRow {
  username: string;
  displayName: string;
  orgName: string;
  roles: string;
  phone: string | null;
  active: boolean;
}

export const userColumns = defineColumns<UserLedgerRow>([
  { key: 'username', header: '用户名', kind: 'text', required: true, width: 16 },
  { key: 'displayName', header: '姓名', kind: 'text', required: true, width: 12 },
  { key: 'orgName', header: '所属机构', kind: 'text', required: true, width: 36 },
  { key: 'roles', header: '角色', kind: 'text', required: true, width: 24 },
  { key: 'phone', header: '电话', kind: 'text', width: 16 },
  { key: 'active', header: '启用', kind: 'bool', required: true, width: 8 },
]);

export async function exportUsers(ctx: Ctx, filter: UserFilter): Promise<PassThrough> {
  const { items } = await listUsers(ctx, filter, { offset: 0, limit: 100_000 });
  const rows: UserLedgerRow[] = items.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    orgName: u.orgName,
    roles: u.roles.map((r) => r.name).join('、'),
    phone: u.phone, // already masked by listUsers
    active: u.active,
  }));
  return startWriting((out) => exportLedgerXlsx(rows, userColumns, out, { sheetName: '用户台账' }));
}
