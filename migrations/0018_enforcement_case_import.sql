-- 行政执法案件 at a million rows (bench/cases.bench.ts, docs/case-import.md).
-- The ledger's default order (立案日期 desc, 案件编号 desc) read from an index: page 1 and deep
-- pages of an unfiltered or lightly filtered list no longer sort the whole table
-- (PostgreSQL, 1M cases: no-filter page 1 2.1 s → see the doc for the measured after).
create index enforcement_case_opened_idx on enforcement_case (opened_on desc, case_no desc);
