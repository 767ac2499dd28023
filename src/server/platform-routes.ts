import { listTotal } from '../platform/paging.js';
import { sql } from 'kysely';
import type { Scope } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';
import { defineColumns, exportLedgerXlsx } from '../platform/io/index.js';
import { sendXlsx } from '../platform/http/files.js';
import type { z } from 'zod';
import { can } from '../platform/context.js';
import { verifyAudit } from '../platform/audit/audit.js';
import { LocalDate, Paging, Text, toOffset } from '../platform/validation.js';
import { domainModules } from '../domains/index.js';
import { authorize } from '../domains/org/policy.js';
import { VERSION } from './version.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';

export const AuditQuery = Paging.extend({
  entity: Text(40).optional(),
  action: Text(60).optional(),
  actor: Text(40).optional(),
  entityId: Text(60).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});

type AuditFilter = Omit<z.infer<typeof AuditQuery>, 'page' | 'pageSize' | 'exactTotal'>;

function auditQuery(db: Db, scope: Scope, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a').leftJoin('org as o', 'o.id', 'a.org_id');
  // the audit log is scoped like a ledger: by the org the entry concerns
  if (!scope.all) q = q.where(sql<boolean>`a.org_id = any(${[...scope.orgIds]}::uuid[])`);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.actor) q = q.where('a.actor_name', 'like', `%${f.actor}%`);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where(sql<boolean>`a.at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (f.to) q = q.where(sql<boolean>`a.at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
  return q;
}

interface AuditRowOut {
  seq: number;
  at: Date;
  actorName: string;
  orgName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  hash: string;
}

const auditColumns = defineColumns<AuditRowOut>([
  { key: 'seq', header: '序号', kind: 'int', required: true, width: 8 },
  {
    key: 'at',
    header: '时间',
    kind: 'text',
    required: true,
    width: 22,
    // shown in China time, as staff read it
    format: (v) => new Date(v.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19),
  },
  { key: 'actorName', header: '操作人', kind: 'text', required: true, width: 20 },
  { key: 'orgName', header: '机构', kind: 'text', width: 30 },
  { key: 'action', header: '操作', kind: 'text', required: true, width: 22 },
  { key: 'entity', header: '对象类型', kind: 'text', required: true, width: 14 },
  { key: 'entityId', header: '对象编号', kind: 'text', width: 38 },
  { key: 'hash', header: '哈希', kind: 'text', required: true, width: 66 },
]);

export function registerPlatformRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;

  app.get('/api/health', { schema: { tags: ['平台'], summary: '健康检查', security: [] } }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok', engine: opts.handle.engine, version: VERSION };
  });

  // liveness without the database: answers even while the embedded engine is busy
  app.get(
    '/api/health/live',
    { schema: { tags: ['平台'], summary: '存活检查(不访问数据库)', security: [] } },
    async () => ({
      status: 'ok',
    }),
  );

  app.get('/api/meta/modules', { schema: { tags: ['平台'], summary: '可见的功能模块' } }, async (req) => {
    const ctx = await requestCtx(req, db);
    return [
      { key: 'home', title: '首页', path: '/' },
      ...domainModules
        .filter((m) => !m.menuPermission || can(ctx.actor, m.menuPermission))
        .map((m) => ({ key: m.key, title: m.title, path: `/${m.key}` })),
    ];
  });

  /** The columns of an audit entry that both the list and its export show. */
  const auditEntryColumns = [
    'a.seq',
    'a.at',
    'a.actor_name as actorName',
    'o.name as orgName',
    'a.action',
    'a.entity',
    'a.entity_id as entityId',
  ] as const;

  app.get(
    '/api/audit',
    { schema: { tags: ['操作日志'], summary: '操作日志', querystring: AuditQuery } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'system:audit:list');
      const f = req.query;
      const q = auditQuery(db, ctx.scope, f);
      const { offset, limit, exactTotal } = toOffset(f);
      const [items, total] = await Promise.all([
        q
          .select([...auditEntryColumns, 'a.change', 'a.hash'])
          .orderBy('a.seq', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        listTotal(db, q.select('a.seq'), { exactTotal }),
      ]);
      return { items, ...total };
    },
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['操作日志'],
        summary: '导出操作日志(Excel)',
        querystring: AuditQuery.omit({ page: true, pageSize: true, exactTotal: true }),
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'system:audit:list');
      const rows = await auditQuery(db, ctx.scope, req.query)
        .select([...auditEntryColumns, 'a.hash'])
        .orderBy('a.seq', 'desc')
        .limit(100_000)
        .execute();
      return sendXlsx(
        reply,
        (out) =>
          exportLedgerXlsx(
            rows.map((r) => ({ ...r, entityId: r.entityId ?? null, orgName: r.orgName ?? null })),
            auditColumns,
            out,
            { sheetName: '操作日志' },
          ),
        '操作日志',
      );
    },
  );

  app.get('/api/audit/verify', { schema: { tags: ['操作日志'], summary: '校验日志哈希链' } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'system:audit:list');
    return verifyAudit(db);
  });
}
