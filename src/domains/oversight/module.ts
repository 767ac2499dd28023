import type { DomainModule } from '../module.js';
import { oversightMetrics } from './metrics.js';
import { oversightPermissions } from './policy.js';
import { registerOversightRoutes } from './routes.js';
import { seedOversight } from './seed.js';

export const oversightModule: DomainModule = {
  key: 'oversight',
  title: '监督督察',
  permissions: oversightPermissions,
  menuPermission: 'oversight:rectification:list',
  registerRoutes: registerOversightRoutes,
  metrics: oversightMetrics,
  seed: seedOversight,
};
