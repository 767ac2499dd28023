import type { DomainModule } from '../module.js';
import { legalityMetrics } from './metrics.js';
import { recomputeReviewDueDates } from './review/due-recompute.js';
import { legalityPermissions } from './policy.js';
import { registerLegalityRoutes } from './routes.js';
import { seedLegality } from './seed.js';

export const legalityModule: DomainModule = {
  key: 'legality',
  title: '合法性审查',
  portalLinks: [
    {
      href: '/portal/documents',
      label: '规范性文件库',
      description: '现行有效、已修改和已失效的行政规范性文件,含文号、施行日期、有效期和清理结果,可全文检索',
    },
    {
      href: '/portal/decisions',
      label: '重大行政决策',
      description:
        '年度重大行政决策事项目录,以及每项决策的公众参与、专家论证、风险评估、合法性审查和集体讨论情况',
    },
    {
      href: '/portal/consultations',
      label: '意见征集',
      description: '正在公开征求意见的文件和决策草案,可在线提交意见并凭回执号查询采纳情况',
    },
  ],
  permissions: legalityPermissions,
  menuPermission: 'legality:review:list',
  registerRoutes: registerLegalityRoutes,
  metrics: legalityMetrics,
  seed: seedLegality,
  recomputeDueDates: recomputeReviewDueDates,
};
