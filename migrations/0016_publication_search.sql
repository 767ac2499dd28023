-- Chinese full-text search of the disclosure portal (/portal/publications) without compiled
-- extensions (TECH-NOTES "Chinese search"): a pg_trgm GIN index serves substrings of 3 or more
-- characters; pg_trgm cannot use its index for 2 characters (most Chinese words), so a
-- character-bigram tsvector (array_to_tsvector, plain SQL) serves those on PGlite and PostgreSQL.

-- The searchable text of a publication: party name, case number, decision number, facts, basis.
-- Function bodies qualify their calls (public.) so a pg_dump restore with an empty search_path works.
create function enforcement_publication_search_text(content jsonb) returns text
language sql immutable parallel safe as $$
  select lower(
    coalesce(content->>'partyName', '') || ' ' || coalesce(content->>'caseNo', '') || ' ' ||
    coalesce(content->>'decisionNo', '') || ' ' || coalesce(content->>'facts', '') || ' ' ||
    coalesce(content->>'basis', ''))
$$;

-- Every 2-character window of a text that holds no white space, as tsvector lexemes taken as-is.
create function text_bigrams(t text) returns tsvector
language sql immutable parallel safe as $$
  select array_to_tsvector(coalesce(array_agg(distinct substr(t, i, 2)), '{}'::text[]))
  from generate_series(1, char_length(t) - 1) as i
  where substr(t, i, 2) !~ '\s'
$$;

alter table enforcement_publication
  add column search_text text
    generated always as (public.enforcement_publication_search_text(content)) stored,
  add column search_bigrams tsvector
    generated always as (public.text_bigrams(public.enforcement_publication_search_text(content))) stored;

create index enforcement_publication_trgm_idx on enforcement_publication using gin (search_text gin_trgm_ops);
create index enforcement_publication_bigram_idx on enforcement_publication using gin (search_bigrams);
-- the portal's list: published items, newest first
create index enforcement_publication_portal_idx on enforcement_publication (published_on desc, id)
  where status = 'published';
