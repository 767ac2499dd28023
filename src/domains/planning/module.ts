import type { DomainModule } from '../module.js';
import { planningMetrics } from './metrics.js';
import { planningPermissions } from './policy.js';
import { registerReportRoutes } from './report-routes.js';
import { registerPlanningRoutes } from './routes.js';
import { seedPlanning } from './seed.js';

export const planningModule: DomainModule = {
  key: 'report',
  title: '指标与年度报告',
  portalLinks: [
    {
      href: '/portal/reports',
      label: '法治政府建设年度报告',
      description: '历年法治政府建设工作情况报告全文,可下载 Word 版',
    },
  ],
  permissions: planningPermissions,
  // no single menu permission: the office reviews, units fill, leaders read; each screen checks its own
  metrics: planningMetrics,
  seed: seedPlanning,
  registerRoutes: (app, opts) => {
    registerPlanningRoutes(app, opts);
    registerReportRoutes(app, opts);
  },
};
