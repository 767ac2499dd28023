import {
  ReconAction,
  Channel as ReconChannel,
  Procedure as ReconProcedure,
} from './disputes/reconsideration/schema.js';
import { SuggestionKind } from './disputes/suggestions/schema.js';
import {
  CaseAction,
  CaseStatus,
  PartyKind,
  Procedure as CaseProcedure,
  RecordKind,
} from './enforcement/cases/schema.js';
import { BodyKind } from './enforcement/officers/schema.js';
import { PowerCategory } from './enforcement/power-list/schema.js';
import { ReferralAction } from './enforcement/referrals/schema.js';
import { InspectionResult } from './inspection/rules.js';
import { InspecteeKind, PlanKind } from './inspection/schema.js';
import { AdviserKind, WorkKind } from './legality/advisers/schema.js';
import { DecisionCategory, DecisionStatus } from './legality/decisions/schema.js';
import { CleanupOutcome, DocumentStatus } from './legality/documents/schema.js';
import { SubjectKind } from './legality/portal/service.js';
import { ReviewAction, ReviewKind, ReviewStatus } from './legality/review/schema.js';
import { AssessmentGrade, IndicatorMethod } from './oversight/assessment/schema.js';
import { Grade } from './oversight/case-review/schema.js';
import { ClueSource, OpinionKind } from './oversight/clues/schema.js';
import { RectificationSource } from './oversight/rectification/schema.js';
import { DataCallStatus, SubmissionStatus } from './planning/schema.js';
import { LeniencyKind, MatterLevel } from './powers/schema.js';
import { EntryKind, entryKinds } from './requests/core/entry-kinds.js';
import { ItemKinds, type KindSpec } from './requests/core/spec.js';
import { disclosureSpec } from './requests/disclosure/spec.js';
import { legalAidSpec } from './requests/legal-services/spec.js';
import { mediationSpec } from './requests/mediation/spec.js';
import { petitionSpec } from './requests/petitions/spec.js';
import { proposalSpec } from './requests/proposals/spec.js';
import { caseOutcomeLabels } from './enforcement/cases/projection.js';
import { ReferralStatus } from './enforcement/referrals/schema.js';
import { OrgKind } from './org/schema.js';
import { LawsuitOutcome } from './disputes/litigation/schema.js';
import { ActKind, Outcome, ReconStatus } from './disputes/reconsideration/schema.js';
import { ClueStatus } from './oversight/clues/schema.js';
import { RectificationStatus } from './oversight/rectification/schema.js';

/** requests_item holds five kinds of request in one table: a column allows the union of their codes. */
const requestSpecs: readonly KindSpec[] = [
  disclosureSpec,
  petitionSpec,
  mediationSpec,
  legalAidSpec,
  proposalSpec,
];
const ofRequests = (codes: (s: KindSpec) => Iterable<string>) => [
  ...new Set(requestSpecs.flatMap((s) => [...codes(s)])),
];

/**
 * Coded columns whose allowed values the database checks (migrations 0150 and 0210) — one list in code, the
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
  // migration 0210
  { table: 'disputes_reconsideration', column: 'channel', values: ReconChannel.options },
  { table: 'disputes_reconsideration', column: 'procedure', values: ReconProcedure.options },
  { table: 'disputes_reconsideration_action', column: 'action', values: ReconAction.options },
  { table: 'disputes_suggestion', column: 'kind', values: SuggestionKind.options },
  { table: 'enforcement_body', column: 'kind', values: BodyKind.options },
  { table: 'power_item', column: 'category', values: PowerCategory.options },
  { table: 'enforcement_case', column: 'procedure', values: CaseProcedure.options },
  { table: 'enforcement_case', column: 'party_kind', values: PartyKind.options },
  { table: 'enforcement_case_record', column: 'kind', values: RecordKind.options },
  { table: 'enforcement_case_action', column: 'action', values: CaseAction.options },
  { table: 'enforcement_referral_action', column: 'action', values: ReferralAction.options },
  { table: 'inspection_inspectee', column: 'kind', values: InspecteeKind.options },
  { table: 'inspection_plan', column: 'kind', values: PlanKind.options },
  { table: 'inspection_target', column: 'result', values: InspectionResult.options },
  { table: 'legality_review', column: 'kind', values: ReviewKind.options },
  { table: 'legality_review', column: 'status', values: ReviewStatus.options },
  { table: 'legality_review_action', column: 'action', values: ReviewAction.options },
  { table: 'legality_document', column: 'status', values: DocumentStatus.options },
  { table: 'legality_cleanup_result', column: 'outcome', values: CleanupOutcome.options },
  { table: 'legality_adviser', column: 'kind', values: AdviserKind.options },
  { table: 'legality_adviser_work', column: 'kind', values: WorkKind.options },
  { table: 'legality_decision', column: 'category', values: DecisionCategory.options },
  { table: 'legality_decision', column: 'status', values: DecisionStatus.options },
  { table: 'legality_public_comment', column: 'subject_kind', values: SubjectKind.options },
  { table: 'oversight_assessment_indicator', column: 'method', values: IndicatorMethod.options },
  { table: 'oversight_assessment_unit', column: 'grade', values: AssessmentGrade.options },
  { table: 'oversight_review_file', column: 'grade', values: Grade.options },
  { table: 'oversight_opinion', column: 'kind', values: OpinionKind.options },
  { table: 'oversight_clue', column: 'source', values: ClueSource.options },
  { table: 'oversight_rectification', column: 'source', values: RectificationSource.options },
  { table: 'data_call', column: 'status', values: DataCallStatus.options },
  { table: 'data_call_submission', column: 'status', values: SubmissionStatus.options },
  { table: 'enforcement_matter', column: 'level', values: MatterLevel.options },
  { table: 'leniency_item', column: 'kind', values: LeniencyKind.options },
  { table: 'requests_item', column: 'kind', values: ItemKinds },
  { table: 'requests_item', column: 'status', values: ofRequests((s) => Object.keys(s.statusLabels)) },
  { table: 'requests_item', column: 'outcome', values: ofRequests((s) => Object.keys(s.labels.outcome)) },
  { table: 'requests_item', column: 'channel', values: ofRequests((s) => Object.keys(s.labels.channel)) },
  { table: 'requests_item', column: 'category', values: ofRequests((s) => Object.keys(s.labels.category)) },
  {
    table: 'requests_item',
    column: 'applicant_kind',
    values: ofRequests((s) => Object.keys(s.labels.applicantKind)),
  },
  { table: 'requests_action', column: 'action', values: ofRequests((s) => s.actions) },
  { table: 'requests_entry', column: 'kind', values: EntryKind.options },
  {
    table: 'requests_entry',
    column: 'category',
    values: [...new Set(Object.values(entryKinds).flatMap((k) => Object.keys(k.categories)))],
  },
];
