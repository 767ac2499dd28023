import type { DomainModule } from '../module.js';
import { disclosureMetrics } from './disclosure/metrics.js';
import { recomputeRequestsDueDates } from './due-recompute.js';
import { legalServiceMetrics } from './legal-services/metrics.js';
import { mediationMetrics } from './mediation/metrics.js';
import { petitionMetrics } from './petitions/metrics.js';
import { requestsPermissions } from './policy.js';
import { proposalMetrics } from './proposals/metrics.js';
import { registerRequestsRoutes } from './routes.js';
import { seedRequests } from './seed.js';

export const requestsModule: DomainModule = {
  key: 'requests',
  title: '群众诉求与建议提案',
  permissions: requestsPermissions,
  menuPermission: 'requests:petition:list',
  registerRoutes: registerRequestsRoutes,
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
