import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { IdParam, Paging, QueryBool, SortParam, Text, toOffset } from '../../platform/validation.js';
import { importAnswer, sendXlsx, uploadedFile } from '../../platform/http/files.js';
import { ledgerRoutes } from '../../platform/http/ledger-routes.js';
import { exportOrgs, exportUsers, importOrgs } from './ledger.js';
import { requestCtx } from './request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { createOrg, getOrg, updateOrg } from './org-service.js';
import { listOrgs, listScopeOrgs } from './org-store.js';
import { authorize } from './policy.js';
import { registerSiteRoutes } from './site-routes.js';
import { registerStaffingRoutes } from './staffing-routes.js';
import { createRole, listRoles, updateRole } from './role-service.js';
import {
  CreateOrgInput,
  CreateRoleInput,
  CreateUserInput,
  OrgKind,
  UpdateOrgInput,
  UpdateRoleInput,
  UpdateUserInput,
} from './schema.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './user-service.js';

export const OrgQuery = Paging.extend({
  sort: SortParam,
  q: Text(50).optional(),
  kind: OrgKind.optional(),
  parentId: z.uuid().optional(),
  active: QueryBool.optional(),
});

export const UserQuery = Paging.extend({
  sort: SortParam,
  q: Text(50).optional(),
  orgId: z.uuid().optional(),
  roleCode: Text(40).optional(),
  active: QueryBool.optional(),
});

export function registerOrgRoutes(app: TypedApp, opts: AppOptions): void {
  registerSiteRoutes(app, opts);
  const db = opts.handle.db;
  const tags = ['机构与用户'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  registerStaffingRoutes(app, opts);

  /** GET a ledger as .xlsx, with its list's filters (the paging left out). */
  function exportRoute<Q extends z.ZodType>(
    url: string,
    summary: string,
    querystring: Q,
    name: string,
    exporter: (ctx: Ctx, filter: z.infer<Q>) => Promise<Readable>,
  ) {
    app.get(url, { schema: { tags, summary, querystring } }, async (req, reply) => {
      const stream = await exporter(await requestCtx(req, db), req.query as z.infer<Q>);
      return sendXlsx(reply, stream, name);
    });
  }
  const unpaged = { page: true, pageSize: true, exactTotal: true } as const;

  exportRoute('/api/orgs/export.xlsx', '导出机构台账(Excel)', OrgQuery.omit(unpaged), '机构台账', exportOrgs);

  app.post(
    '/api/orgs/import',
    { schema: { tags, summary: '导入机构台账(Excel 或 CSV,请求体为文件内容)' } },
    async (req, reply) => {
      const file = uploadedFile(req.body);
      return importAnswer(reply, await importOrgs(await requestCtx(req, db), file));
    },
  );

  exportRoute(
    '/api/users/export.xlsx',
    '导出用户台账(Excel)',
    UserQuery.omit(unpaged),
    '用户台账',
    exportUsers,
  );

  app.get('/api/orgs', { schema: { tags, summary: '机构列表', querystring: OrgQuery } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'system:org:list');
    const { page, pageSize, exactTotal, ...filter } = req.query;
    return listOrgs(db, ctx.scope, filter, toOffset({ page, pageSize, exactTotal }));
  });

  app.get('/api/orgs/tree', { schema: { tags, summary: '机构树' } }, async (req) => {
    const ctx = await requestCtx(req, db);
    const flat = await listScopeOrgs(db, ctx.scope);
    type Node = (typeof flat)[number] & { children: Node[] };
    const byId = new Map<string, Node>(flat.map((o) => [o.id, { ...o, children: [] }]));
    const roots: Node[] = [];
    for (const n of byId.values()) {
      const parent = n.parentId ? byId.get(n.parentId) : undefined;
      if (parent) parent.children.push(n);
      else roots.push(n);
    }
    return roots;
  });

  r.get('/api/orgs/:id', '机构详情', async (ctx, id) => {
    authorize(ctx.actor, 'system:org:list');
    return getOrg(ctx, id);
  });

  r.create('/api/orgs', '新增机构', CreateOrgInput, createOrg);
  r.act('/api/orgs/:id', '修改机构', UpdateOrgInput, updateOrg, 'patch');

  r.list('/api/users', '用户列表', UserQuery, listUsers);

  r.get('/api/users/:id', '用户详情', async (ctx, id) => {
    authorize(ctx.actor, 'system:user:list');
    return getUser(ctx, id);
  });

  r.create('/api/users', '新增用户', CreateUserInput, createUser);
  r.act('/api/users/:id', '修改用户', UpdateUserInput, updateUser, 'patch');

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParam,
        body: z.strictObject({ password: z.string().min(1).max(128) }),
      },
    },
    async (req, reply) => {
      await resetPassword(await requestCtx(req, db), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );

  app.get('/api/roles', { schema: { tags, summary: '角色列表' } }, async (req) =>
    listRoles(await requestCtx(req, db)),
  );

  const permissions = opts.permissions ?? [];
  const known: ReadonlySet<string> = new Set(permissions.map((p) => p.code));
  app.get('/api/permissions', { schema: { tags, summary: '全部权限标识' } }, async (req) => {
    await requestCtx(req, db);
    return permissions;
  });

  r.create('/api/roles', '新增角色', CreateRoleInput, (ctx, input) => createRole(ctx, input, known));
  r.act(
    '/api/roles/:id',
    '修改角色',
    UpdateRoleInput,
    (ctx, id, input) => updateRole(ctx, id, input, known),
    'patch',
  );
}
