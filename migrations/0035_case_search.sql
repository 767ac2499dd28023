-- The case ledger's keyword (当事人 or 案号) on the same two indexes as the portal's search
-- (0016): a pg_trgm GIN index serves terms of 3 or more characters, and a character-bigram
-- tsvector serves 2-character terms (most Chinese words: "恒达"), which pg_trgm cannot. Before,
-- `party_name like '%恒达%' or case_no like …` read every case.
alter table enforcement_case
  add column search_text text
    generated always as (lower(party_name || ' ' || case_no)) stored,
  add column search_bigrams tsvector
    generated always as (public.text_bigrams(lower(party_name || ' ' || case_no))) stored;

create index enforcement_case_search_trgm_idx on enforcement_case using gin (search_text gin_trgm_ops);
create index enforcement_case_search_bigram_idx on enforcement_case using gin (search_bigrams);
