-- The case ledger's order (docs/scale.md, issue #17): open cases by their earliest deadline
-- (逾期 first), then the rest newest first — `next_due_on is null, next_due_on, opened_on desc,
-- case_no desc` — read from one index, so page 1 of a million cases reads 20 entries instead of
-- sorting every match. The scope and the usual filters (region, org, status) are included, and
-- the id the page is chosen by: the page is picked from the index alone.
create index enforcement_case_ledger_idx on enforcement_case
  ((next_due_on is null), next_due_on, opened_on desc, case_no desc)
  include (region_code, org_id, status, id);
