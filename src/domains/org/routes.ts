import { z } from 'zod';
import { IdParam, Paging, QueryBool, SortParam, Text, toOffset } from '../../platform/validation.js';
import { importAnswer, sendXlsx, uploadedFile } from '../../platform/http/files.js';
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
  registerStaffingRoutes(app, opts);

  app.get(
    '/api/orgs/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出机构台账(Excel)',
        querystring: OrgQuery.omit({ page: true, pageSize: true, exactTotal: true }),
      },
    },
    async (req, reply) => {
      const stream = await exportOrgs(await requestCtx(req, db), req.query);
      return sendXlsx(reply, stream, '机构台账');
    },
  );

  app.post(
    '/api/orgs/import',
    { schema: { tags, summary: '导入机构台账(Excel 或 CSV,请求体为文件内容)' } },
    async (req, reply) => {
      const file = uploadedFile(req.body);
      return importAnswer(reply, await importOrgs(await requestCtx(req, db), file));
    },
  );

  app.get(
    '/api/users/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出用户台账(Excel)',
        querystring: UserQuery.omit({ page: true, pageSize: true, exactTotal: true }),
      },
    },
    async (req, reply) => {
      const stream = await exportUsers(await requestCtx(req, db), req.query);
      return sendXlsx(reply, stream, '用户台账');
    },
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

  app.get('/api/orgs/:id', { schema: { tags, summary: '机构详情', params: IdParam } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'system:org:list');
    return getOrg(ctx, req.params.id);
  });

  app.post(
    '/api/orgs',
    { schema: { tags, summary: '新增机构', body: CreateOrgInput } },
    async (req, reply) => {
      const org = await createOrg(await requestCtx(req, db), req.body);
      return reply.status(201).send(org);
    },
  );

  app.patch(
    '/api/orgs/:id',
    { schema: { tags, summary: '修改机构', params: IdParam, body: UpdateOrgInput } },
    async (req) => {
      const org = await updateOrg(await requestCtx(req, db), req.params.id, req.body);
      return org;
    },
  );

  app.get('/api/users', { schema: { tags, summary: '用户列表', querystring: UserQuery } }, async (req) => {
    const { page, pageSize, exactTotal, ...filter } = req.query;
    return listUsers(await requestCtx(req, db), filter, toOffset({ page, pageSize, exactTotal }));
  });

  app.get('/api/users/:id', { schema: { tags, summary: '用户详情', params: IdParam } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'system:user:list');
    return getUser(ctx, req.params.id);
  });

  app.post(
    '/api/users',
    { schema: { tags, summary: '新增用户', body: CreateUserInput } },
    async (req, reply) => {
      return reply.status(201).send(await createUser(await requestCtx(req, db), req.body));
    },
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户', params: IdParam, body: UpdateUserInput } },
    async (req) => {
      return updateUser(await requestCtx(req, db), req.params.id, req.body);
    },
  );

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

  app.post(
    '/api/roles',
    { schema: { tags, summary: '新增角色', body: CreateRoleInput } },
    async (req, reply) => {
      return reply.status(201).send(await createRole(await requestCtx(req, db), req.body, known));
    },
  );

  app.patch(
    '/api/roles/:id',
    { schema: { tags, summary: '修改角色', params: IdParam, body: UpdateRoleInput } },
    async (req) => {
      return updateRole(await requestCtx(req, db), req.params.id, req.body, known);
    },
  );
}
