/**
 * What other domains may read of enforcement (ARCHITECTURE: one domain reads another's data
 * through the functions it exports, never its tables). Used by oversight (案卷评查, clues).
 */
export { getCase } from './cases/service.js';
export { caseStatusLabels } from './cases/schema.js';
export { powerCategoryLabels as caseCategoryLabels } from './power-list/schema.js';
export {
  type ClosedCaseRef,
  listClosedCases,
  listPendingPublications,
  listSupervisionFacts,
  type PendingPublication,
  type SupervisionFacts,
} from './cases/supervision-store.js';
