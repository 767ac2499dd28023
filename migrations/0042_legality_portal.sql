-- Public pages of the legality domain (/portal/documents, /portal/consultations). See docs/legality.md.

-- 规范性文件库 full-text search, the way the publications portal does it (0016, TECH-NOTES
-- "Chinese search"): pg_trgm for 3+ characters, character bigrams for 2-character words.
alter table legality_document
  add column search_text text
    generated always as (lower(title || ' ' || coalesce(doc_number, '') || ' ' || body)) stored,
  add column search_bigrams tsvector
    generated always as (public.text_bigrams(lower(title || ' ' || coalesce(doc_number, '') || ' ' || body))) stored;
create index legality_document_trgm_idx on legality_document using gin (search_text gin_trgm_ops);
create index legality_document_bigram_idx on legality_document using gin (search_bigrams);
create index legality_document_portal_idx on legality_document (region_code, published_on desc, id)
  where published_on is not null;

-- Public comments on drafts open for comment (规范性文件 or 重大行政决策). Name and contact are kept
-- private; nothing is shown before moderation.
create table legality_public_comment (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  subject_kind text not null check (subject_kind in ('document','decision')),
  subject_id uuid not null,
  receipt_no text not null unique,
  body text not null,
  name text not null default '',
  contact text not null default '',
  submitted_on date not null,
  status text not null default 'pending' check (status in ('pending','shown','hidden')),
  adoption text check (adoption in ('adopted','partlyAdopted','notAdopted')),
  reply text not null default '',
  moderated_by uuid,
  moderated_at timestamptz,
  created_by uuid,                                      -- always null: written by the public
  created_at timestamptz not null default now()
);
create index legality_public_comment_subject_idx on legality_public_comment (subject_id, status);
create index legality_public_comment_region_idx on legality_public_comment (region_code, status, submitted_on);

-- 附带审查: a 规范性文件 put on the desk by a 复议 (行政复议法 第十三条、第五十六条).
alter table legality_review drop constraint legality_review_kind_check;
alter table legality_review add constraint legality_review_kind_check
  check (kind in ('normativeDocument','majorDecision','contract','agendaItem','powersList','otherDocument','incidentalReview'));
