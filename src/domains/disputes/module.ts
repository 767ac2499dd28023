import type { DomainModule } from '../module.js';
import { recomputeDisputesDueDates } from './due-recompute.js';
import { disputesMetrics } from './metrics.js';
import { disputesPermissions } from './policy.js';
import { registerDisputesRoutes } from './routes.js';
import { seedDisputes } from './seed.js';

export const disputesModule: DomainModule = {
  key: 'disputes',
  title: '复议应诉',
  portalLinks: [
    {
      href: '/portal/reconsideration',
      label: '行政复议',
      description: '网上申请行政复议,凭受理回执号和查询码查询办理进度,查阅公开的行政复议决定书',
    },
  ],
  permissions: disputesPermissions,
  menuPermission: 'disputes:reconsideration:list',
  registerRoutes: registerDisputesRoutes,
  metrics: disputesMetrics,
  seed: seedDisputes,
  recomputeDueDates: recomputeDisputesDueDates,
};
