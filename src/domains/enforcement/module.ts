import type { DomainModule } from '../module.js';
import { recomputeEnforcementDueDates } from './cases/due-recompute.js';
import { enforcementMetrics } from './metrics.js';
import { enforcementPermissions } from './policy.js';
import { referralMetrics } from './referrals/metrics.js';
import { registerEnforcementRoutes } from './routes.js';
import { seedEnforcement } from './seed.js';

export const enforcementModule: DomainModule = {
  key: 'enforcement',
  title: '行政执法',
  portalLinks: [
    {
      href: '/portal/publications',
      label: '行政执法决定公示',
      description: '行政处罚、行政许可等执法决定的公示信息,可按部门、类别、日期查询',
    },
  ],
  permissions: enforcementPermissions,
  menuPermission: 'enforcement:officer:list',
  registerRoutes: registerEnforcementRoutes,
  metrics: [...enforcementMetrics, ...referralMetrics],
  seed: seedEnforcement,
  recomputeDueDates: recomputeEnforcementDueDates,
};
