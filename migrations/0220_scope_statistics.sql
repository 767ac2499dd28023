-- The planner's view of a scoped list (issue 17): every ledger query is kept in its scope by
-- `region_code = any(…) and org_id = any(…)` (platform/scope.ts), and an org lies in one region,
-- so the two conditions are not independent. Without these statistics the planner multiplies
-- their selectivities: one county of a province (1,006 cases of 100,000) was estimated at 15
-- rows, and the ledgers' planner-estimated totals ("约 N 条", platform/paging) and counting
-- budgets read that estimate. With the org → region dependency it estimates 1,027.
create statistics if not exists enforcement_case_org_region (dependencies) on org_id, region_code from enforcement_case;
create statistics if not exists enforcement_publication_org_region (dependencies) on org_id, region_code from enforcement_publication;
create statistics if not exists enforcement_case_action_org_region (dependencies) on org_id, region_code from enforcement_case_action;
create statistics if not exists audit_log_org_region (dependencies) on org_id, region_code from audit_log;
