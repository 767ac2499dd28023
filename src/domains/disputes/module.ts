import type { DomainModule } from '../module.js';
import { recomputeDisputesDueDates } from './due-recompute.js';
import { disputesMetrics } from './metrics.js';
import { disputesPermissions } from './policy.js';
import { registerDisputesRoutes } from './routes.js';
import { seedDisputes } from './seed.js';

export const disputesModule: DomainModule = {
  key: 'disputes',
  title: '复议应诉',
  permissions: disputesPermissions,
  menuPermission: 'disputes:reconsideration:list',
  registerRoutes: registerDisputesRoutes,
  metrics: disputesMetrics,
  seed: seedDisputes,
  recomputeDueDates: recomputeDisputesDueDates,
};
