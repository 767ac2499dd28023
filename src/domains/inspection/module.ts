import type { DomainModule } from '../module.js';
import { inspectionMetrics } from './metrics.js';
import { inspectionPermissions } from './policy.js';
import { registerInspectionRoutes } from './routes.js';
import { seedInspection } from './seed.js';

export const inspectionModule: DomainModule = {
  key: 'inspection',
  title: '双随机、一公开',
  portalLinks: [
    {
      href: '/portal/inspections',
      label: '双随机抽查结果',
      description: '“双随机、一公开”抽查的检查对象和检查结果公示',
    },
  ],
  permissions: inspectionPermissions,
  menuPermission: 'inspection:plan:list',
  registerRoutes: registerInspectionRoutes,
  metrics: inspectionMetrics,
  seed: seedInspection,
};
