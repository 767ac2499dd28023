import type { DomainModule } from '../module.js';
import { powersMetrics } from './metrics.js';
import { powersPermissions } from './policy.js';
import { registerPowersRoutes } from './routes.js';
import { seedPowersLists } from './seed.js';

export const powersModule: DomainModule = {
  key: 'powers',
  title: '清单管理',
  permissions: powersPermissions,
  menuPermission: 'powers:license:list',
  registerRoutes: registerPowersRoutes,
  metrics: powersMetrics,
  seed: seedPowersLists,
};
