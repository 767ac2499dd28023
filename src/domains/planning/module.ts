import type { DomainModule } from '../module.js';
import { planningMetrics } from './metrics.js';
import { planningPermissions } from './policy.js';

/**
 * 指标与年度报告: its tables, permissions and typed-in catalogue live here with the domains; its
 * services, routes and demo (data calls, reports — they read every domain's figures) live in the
 * report layer (src/report/module.ts), which the server and the demo run after the domains.
 */
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
};
