import { CaseStatus } from './enforcement/cases/schema.js';
import { caseOutcomeLabels } from './enforcement/cases/projection.js';
import { ReferralStatus } from './enforcement/referrals/schema.js';
import { OrgKind } from './org/schema.js';
import { LawsuitOutcome } from './disputes/litigation/schema.js';
import { ActKind, Outcome, ReconStatus } from './disputes/reconsideration/schema.js';
import { ClueStatus } from './oversight/clues/schema.js';
import { RectificationStatus } from './oversight/rectification/schema.js';

/**
 * Coded columns whose allowed values the database checks (migration 0150) — one list in code, the
 * same in the CHECK constraint; `check-constraints.test.ts` fails when they drift apart (a value
 * added in code needs a migration that widens the constraint).
 */
export const checkedColumns: readonly { table: string; column: string; values: readonly string[] }[] = [
  { table: 'enforcement_case', column: 'status', values: CaseStatus.options },
  { table: 'enforcement_case', column: 'outcome', values: Object.keys(caseOutcomeLabels) },
  { table: 'enforcement_referral', column: 'status', values: ReferralStatus.options },
  { table: 'org', column: 'kind', values: OrgKind.options },
  { table: 'disputes_reconsideration', column: 'status', values: ReconStatus.options },
  { table: 'disputes_reconsideration', column: 'outcome', values: Outcome.options },
  { table: 'disputes_reconsideration', column: 'act_kind', values: ActKind.options },
  { table: 'disputes_lawsuit', column: 'outcome', values: LawsuitOutcome.options },
  { table: 'disputes_lawsuit', column: 'act_kind', values: ActKind.options },
  { table: 'oversight_clue', column: 'status', values: ClueStatus.options },
  { table: 'oversight_rectification', column: 'status', values: RectificationStatus.options },
];
