-- 合法性审查 desk, 规范性文件, 法律顾问/公职律师 (RULES §2.6–2.7). See docs/legality.md.

-- Per-region settings (configuration, not code). Each default cites its source in docs/legality.md:
-- review period 15 working days (国办发〔2018〕115号: 一般不少于5个工作日、最长不超过15个工作日),
-- one extension, filing within 30 days of publication, validity 5 years (暂行/试行 2 years).
create table legality_setting (
  region_code text primary key references region(code),
  review_workdays smallint not null default 15 check (review_workdays between 1 and 60),
  extension_workdays smallint not null default 10 check (extension_workdays between 1 and 60),
  due_soon_days smallint not null default 3 check (due_soon_days between 0 and 30),
  number_format text not null default '{abbr}规〔{year}〕{seq}号',
  number_abbr text not null default '',
  filing_days smallint not null default 30 check (filing_days between 1 and 90),
  village_count integer not null default 0 check (village_count >= 0),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- 合法性审查: one row per object on the desk; status and clock are projections of the action log.
create table legality_review (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),             -- the submitting org
  kind text not null check (kind in ('normativeDocument','majorDecision','contract','agendaItem','powersList','otherDocument')),
  title text not null,
  subject_id uuid,                                      -- the document or decision reviewed
  item_count integer not null default 1 check (item_count between 1 and 100000),
  submitted_on date not null,
  materials jsonb not null default '[]',
  reviewers jsonb not null default '[]',
  period_workdays smallint not null,                    -- the region's period when submitted
  extension_workdays smallint not null,
  status text not null check (status in ('reviewing','awaitingMaterials','concluded','answered','withdrawn')),
  conclusion text check (conclusion in ('lawful','lawfulAfterRevision','unlawful')),
  concluded_on date,
  due_on date,                                          -- null while 补充材料 is awaited
  due_soon_on date,
  extended boolean not null default false,
  paused_since date,
  paused_days integer not null default 0,
  opinion_count integer not null default 0,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index legality_review_queue_idx on legality_review (region_code, status, due_on);
create index legality_review_org_idx on legality_review (org_id, submitted_on desc);
create index legality_review_subject_idx on legality_review (subject_id) where subject_id is not null;
create index legality_review_concluded_idx on legality_review (concluded_on, org_id, kind);

create table legality_review_action (
  id uuid primary key,
  review_id uuid not null references legality_review(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (review_id, seq)
);

-- Itemised opinions (each a row) and the submitter's adoption answer per opinion.
create table legality_review_opinion (
  id uuid primary key,
  review_id uuid not null references legality_review(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  body text not null,
  adoption text check (adoption in ('adopted','partlyAdopted','notAdopted')),
  adoption_reason text not null default '',
  answered_on date,
  unique (review_id, seq)
);

-- 规范性文件
create table legality_document (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),              -- 制定机关
  drafting_org_id uuid references org(id),
  title text not null,
  body text not null default '',
  provisional boolean not null default false,           -- 暂行 / 试行
  market_related boolean not null default false,
  status text not null check (status in ('drafting','consulting','reviewing','deliberated','published','repealed','invalidated')),
  drafted_on date not null,
  comment_from date, comment_to date, comment_reason text not null default '',
  fair_competition_on date,
  review_id uuid references legality_review(id),
  deliberated_on date, meeting text not null default '',
  number_year integer, number_seq integer, doc_number text,
  published_on date, effective_on date, effective_reason text not null default '',
  valid_until date,
  filed_on date, filing_receipt text not null default '', filing_late boolean not null default false,
  filing_late_reason text not null default '', filing_outcome text check (filing_outcome in ('accepted','corrected','revoked')),
  filing_outcome_on date,
  amended_on date,
  ended_on date,
  version_count integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index legality_document_number_idx on legality_document (region_code, doc_number) where doc_number is not null;
create index legality_document_org_idx on legality_document (org_id, status);
create index legality_document_published_idx on legality_document (region_code, published_on);

-- 三统一 numbering: one counter per region and year; a number once issued is never issued again.
create table legality_document_counter (
  region_code text not null references region(code),
  year integer not null,
  last_seq integer not null,
  primary key (region_code, year)
);

create table legality_document_event (
  id uuid primary key,
  document_id uuid not null references legality_document(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (document_id, seq)
);

create table legality_document_version (
  id uuid primary key,
  document_id uuid not null references legality_document(id),
  seq integer not null,
  title text not null,
  body text not null,
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (document_id, seq)
);

-- 清理 campaigns and each document's outcome in one.
create table legality_cleanup (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  name text not null,
  started_on date not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table legality_cleanup_result (
  id uuid primary key,
  cleanup_id uuid not null references legality_cleanup(id),
  document_id uuid not null references legality_document(id),
  region_code text not null,
  org_id uuid not null,
  outcome text not null check (outcome in ('keep','amend','repeal','declareInvalid')),
  reason text not null,
  decided_on date not null,
  unique (cleanup_id, document_id)
);

-- 法律顾问 and 公职律师
create table legality_adviser (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),              -- the appointing org
  kind text not null check (kind in ('adviser','governmentLawyer')),
  party text not null default 'person' check (party in ('person','firm')),
  name text not null,
  firm text not null default '',
  appointed_by text not null check (appointed_by in ('government','department','township','village')),
  village text not null default '',
  contract_from date,
  contract_to date,
  certificate_no text,
  fields text[] not null default '{}',
  team text not null default '',
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (contract_to is null or contract_from is null or contract_to >= contract_from)
);
create unique index legality_adviser_certificate_idx on legality_adviser (certificate_no) where certificate_no is not null;
create index legality_adviser_org_idx on legality_adviser (org_id) where active;

-- The work log: rows from the desk (source 'desk', review_id set) and rows entered by hand.
create table legality_adviser_work (
  id uuid primary key,
  adviser_id uuid not null references legality_adviser(id),
  region_code text not null,
  org_id uuid not null,
  kind text not null,
  occurred_on date not null,
  title text not null,
  count integer not null default 1 check (count between 1 and 10000),
  source text not null check (source in ('desk','manual')),
  review_id uuid references legality_review(id),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index legality_adviser_work_idx on legality_adviser_work (org_id, occurred_on);
create index legality_adviser_work_adviser_idx on legality_adviser_work (adviser_id, occurred_on);
