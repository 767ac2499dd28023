/**
 * What the 复议应诉 endpoints answer (src/domains/disputes/*): the server's own answer types,
 * imported type-only (nothing of the server in the bundle), so the screens read what it sends.
 */
import type { ReconDetail } from '../../../domains/disputes/reconsideration/present.js';

export type {
  HearingView,
  LawsuitDetail,
  LawsuitSummary,
} from '../../../domains/disputes/litigation/service.js';
export type { ReconDetail, ReconSummary } from '../../../domains/disputes/reconsideration/present.js';
export type { SuggestionView } from '../../../domains/disputes/suggestions/service.js';

/** One clock of a 复议 case as the case page lists it. */
export type ReconDueView = ReconDetail['dues'][number];
