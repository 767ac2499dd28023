import type { DomainModule } from '../module.js';
import { legalityMetrics } from './metrics.js';
import { recomputeReviewDueDates } from './review/due-recompute.js';
import { legalityPermissions } from './policy.js';
import { registerLegalityRoutes } from './routes.js';
import { seedLegality } from './seed.js';

export const legalityModule: DomainModule = {
  key: 'legality',
  title: '合法性审查',
  permissions: legalityPermissions,
  menuPermission: 'legality:review:list',
  registerRoutes: registerLegalityRoutes,
  metrics: legalityMetrics,
  seed: seedLegality,
  recomputeDueDates: recomputeReviewDueDates,
};
