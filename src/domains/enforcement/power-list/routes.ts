import { z } from 'zod';
import { Paging, Text } from '../../../platform/validation.js';
import { enforcementLedgerRoutes } from '../ledger-routes.js';
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
  const r = enforcementLedgerRoutes(app, opts);
  r.list('/api/enforcement/powers', '权责清单', PowerQuery, searchPowerItems);
  r.get('/api/enforcement/powers/:id', '权责事项详情(含变更记录)', getPowerItem);
  r.create('/api/enforcement/powers', '新增权责事项', CreatePowerItemInput, createPowerItem);
  r.act('/api/enforcement/powers/:id/amend', '变更权责事项', AmendPowerItemInput, amendPowerItem);
  r.act('/api/enforcement/powers/:id/repeal', '取消权责事项', RepealPowerItemInput, repealPowerItem);
}
