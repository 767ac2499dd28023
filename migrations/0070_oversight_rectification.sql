-- 法治督察 and the one 整改 ledger (法治政府建设与责任落实督察工作规定, 厅字〔2019〕28号, 第二十六条:
-- 督察发现的问题应当督促整改). A rectification item comes from a 督察 finding, a 案卷评查 finding,
-- a 行政执法监督意见书 / 建议书 or a clue; its status is derived from its action log
-- (oversight_action), the columns after "projection" are recomputed in the same transaction.

-- 督察计划: the office's plan for a period, the orgs it covers and the topics it checks
create table oversight_inspection_plan (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  year integer not null check (year between 2000 and 2100),
  title text not null,
  topics text[] not null default '{}',
  subject_org_ids uuid[] not null,
  period_from date not null,
  period_to date not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (period_from <= period_to),
  check (cardinality(subject_org_ids) >= 1)
);
create index oversight_inspection_plan_idx on oversight_inspection_plan (region_code, year);

-- 督察 visits: one subject org on one day; org_id is the subject (scope: the org sees its visits)
create table oversight_inspection_visit (
  id uuid primary key,
  plan_id uuid not null references oversight_inspection_plan(id),
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  visited_on date not null,
  inspectors text not null,
  summary text not null default '',
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_inspection_visit_plan_idx on oversight_inspection_visit (plan_id, visited_on);

-- 行政执法监督意见书 / 建议书 issued to an org, answered through its rectification items
create table oversight_opinion (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  issuer_org_id uuid not null references org(id),
  kind text not null check (kind in ('opinion', 'suggestion')),
  doc_no text not null,
  issued_on date not null,
  due_on date not null,
  content text not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, doc_no),
  check (issued_on <= due_on)
);

-- 整改: org_id is the owner (责任单位), issuer_org_id the office that may 销号
create table oversight_rectification (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  issuer_org_id uuid not null references org(id),
  source text not null check (source in ('inspection', 'caseReview', 'opinion', 'clue')),
  source_id uuid not null,
  source_label text not null,
  problem text not null,
  measure text not null default '',
  found_on date not null,
  due_on date not null,
  -- projection
  status text not null,
  evidence_count integer not null default 0,
  closed_on date,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (found_on <= due_on)
);
create index oversight_rectification_due_idx on oversight_rectification (region_code, status, due_on);
create index oversight_rectification_source_idx on oversight_rectification (source, source_id);
create index oversight_rectification_org_idx on oversight_rectification (org_id, found_on desc);

-- The append-only action log of a rectification item or a clue; evidence cites stored files by hash.
create table oversight_action (
  id uuid primary key,
  entity text not null check (entity in ('rectification', 'clue')),
  entity_id uuid not null,
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (entity, entity_id, seq)
);

create table oversight_evidence (
  id uuid primary key,
  action_id uuid not null references oversight_action(id),
  region_code text not null,
  org_id uuid not null,
  sha256 text not null references stored_file(sha256),
  name text not null
);
create index oversight_evidence_action_idx on oversight_evidence (action_id);

-- 问题线索: from a 举报 or from a rule over the platform's records (rule + case: found once)
create table oversight_clue (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  source text not null check (source in ('tipOff', 'rule')),
  rule text,
  case_id uuid,
  case_no text,
  description text not null,
  found_on date not null,
  -- projection
  status text not null,
  assignee text,
  closed_on date,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((source = 'rule') = (rule is not null))
);
create unique index oversight_clue_rule_uq on oversight_clue (rule, case_id) where rule is not null;
create index oversight_clue_status_idx on oversight_clue (region_code, status, found_on desc);
