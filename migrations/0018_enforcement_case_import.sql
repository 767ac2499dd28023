-- 行政执法案件 at a million rows (bench/cases.bench.ts, docs/case-import.md).
-- The ledger's default order (立案日期 desc, 案件编号 desc) read from an index: page 1 and deep
-- pages of an unfiltered or lightly filtered list no longer sort the whole table
-- (measured in docs/case-import.md).
-- region_code and org_id are included so the list's total (scope by region / org, join to org)
-- is counted from the index alone.
create index enforcement_case_opened_idx on enforcement_case (opened_on desc, case_no desc)
  include (region_code, org_id);
-- 状态 filter: the page in ledger order and its total (count) from one index, instead of
-- counting the status over the whole table.
create index enforcement_case_status_idx on enforcement_case (status, opened_on desc, case_no desc)
  include (region_code, org_id);
