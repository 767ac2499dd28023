import type { DomainModule } from '../module.js';
import { disclosureMetrics } from './disclosure/metrics.js';
import { recomputeRequestsDueDates } from './due-recompute.js';
import { legalServiceMetrics } from './legal-services/metrics.js';
import { mediationMetrics } from './mediation/metrics.js';
import { petitionMetrics } from './petitions/metrics.js';
import { requestsPermissions } from './policy.js';
import { proposalMetrics } from './proposals/metrics.js';
import { registerRequestsPortal } from './portal/routes.js';
import { registerRequestsRoutes } from './routes.js';
import { seedRequests } from './seed.js';

export const requestsModule: DomainModule = {
  key: 'requests',
  title: '群众诉求与建议提案',
  permissions: requestsPermissions,
  menuPermission: 'requests:petition:list',
  registerRoutes: (app, opts) => {
    registerRequestsRoutes(app, opts);
    registerRequestsPortal(app, opts);
  },
  portalLinks: [
    {
      href: '/portal/disclosure',
      label: '政府信息公开申请',
      description: '网上提交政府信息公开申请,凭受理编号和查询码查询办理进度',
    },
    { href: '/portal/petition', label: '网上信访', description: '网上提交信访事项,查询受理和办理情况' },
  ],
  metrics: [
    ...disclosureMetrics,
    ...petitionMetrics,
    ...mediationMetrics,
    ...legalServiceMetrics,
    ...proposalMetrics,
  ],
  seed: seedRequests,
  recomputeDueDates: recomputeRequestsDueDates,
};
