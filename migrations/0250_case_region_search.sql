-- A keyword search of the case ledger within a region scope (a county, a township, the org
-- switcher narrowed to one; issue #17): one GIN index over both the region and the bigrams of
-- 当事人 and 案号, so each region's matches are found without reading the matches of every other
-- region (enforcement_case_search_bigram_idx holds a common term's matches across the whole
-- province: 150,000 entries for "恒达" at 3,000,000 cases). btree_gin lets a GIN index hold the
-- plain text column; PostgreSQL ships it with its contrib modules and PGlite loads it.
create extension if not exists btree_gin;
create index enforcement_case_region_search_idx on enforcement_case using gin (region_code, search_bigrams);
