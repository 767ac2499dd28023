import { z } from 'zod';
import { IdParam, Paging, Text, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import {
  AmendPowerItemInput,
  CreatePowerItemInput,
  PowerCategory,
  PowerStatus,
  RepealPowerItemInput,
} from './schema.js';
import {
  amendPowerItem,
  createPowerItem,
  getPowerItem,
  repealPowerItem,
  searchPowerItems,
} from './service.js';

export const PowerQuery = Paging.extend({
  q: Text(50).optional(),
  category: PowerCategory.optional(),
  orgId: z.uuid().optional(),
  status: PowerStatus.optional(),
  lawName: Text(100).optional(),
});

export function registerPowerRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['行政执法'];
  app.get(
    '/api/enforcement/powers',
    { schema: { tags, summary: '权责清单', querystring: PowerQuery } },
    async (req) => {
      const { page, pageSize, exactTotal, ...filter } = req.query;
      return searchPowerItems(await requestCtx(req, db), filter, toOffset({ page, pageSize, exactTotal }));
    },
  );
  app.get(
    '/api/enforcement/powers/:id',
    { schema: { tags, summary: '权责事项详情(含变更记录)', params: IdParam } },
    async (req) => getPowerItem(await requestCtx(req, db), req.params.id),
  );
  app.post(
    '/api/enforcement/powers',
    { schema: { tags, summary: '新增权责事项', body: CreatePowerItemInput } },
    async (req, reply) => reply.status(201).send(await createPowerItem(await requestCtx(req, db), req.body)),
  );
  app.post(
    '/api/enforcement/powers/:id/amend',
    { schema: { tags, summary: '变更权责事项', params: IdParam, body: AmendPowerItemInput } },
    async (req) => amendPowerItem(await requestCtx(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/enforcement/powers/:id/repeal',
    { schema: { tags, summary: '取消权责事项', params: IdParam, body: RepealPowerItemInput } },
    async (req) => repealPowerItem(await requestCtx(req, db), req.params.id, req.body),
  );
}
