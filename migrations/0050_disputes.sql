-- 行政复议 · 行政应诉 · 检察建议/司法建议 (the disputes domain).
-- A 复议 case is an append-only action log (disputes_reconsideration_action); the columns after
-- "projection" on disputes_reconsideration are recomputed from the log in the same transaction as
-- each append (never set by hand), so the ledger filters 临期 / 逾期 and the figures aggregate in SQL.
-- org_id is the respondent (被申请人), an org of the tree: figures roll up per respondent.
create table disputes_reconsideration (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  case_no text not null,
  channel text not null,
  received_on date not null,
  -- 邮寄: the postmark date; 转交: the day the respondent received it (for the art. 20 period)
  filed_on date not null,
  applicant_kind text not null,
  applicant_name text not null,
  -- personal data: never shown on a public page
  applicant_id_no text,
  applicant_phone text,
  applicant_address text,
  agent_name text,
  third_parties jsonb not null default '[]',
  act_title text not null,
  act_document_no text,
  act_kind text not null,
  act_on date,
  act_known_on date not null,
  act_on_the_spot boolean not null default false,
  act_penalty_types text[] not null default '{}',
  act_amount numeric(14,2),
  enforcement_case_id uuid references enforcement_case(id),
  parties_agree_simple boolean not null default false,
  precondition boolean not null default false,
  request text not null,
  reasons text not null,
  norm_review jsonb,
  attachments jsonb not null default '[]',
  -- online applications (channel 网上): the receipt number and a hash of the lookup secret
  receipt_no text unique,
  secret_hash text,
  -- projection
  status text not null,
  procedure text,
  accepted_on date,
  deemed_accepted boolean not null default false,
  decided_on date,
  outcome text,
  terminated_on date,
  termination_ground text,
  rejected_on date,
  withdrawn_on date,
  withdrawn_kind text,
  mediated boolean not null default false,
  closed_on date,
  suspended boolean not null default false,
  extended boolean not null default false,
  decision_due_on date,
  days_to_decide integer,
  served_on date,
  published_on date,
  next_due_kind text,
  next_due_on date,
  late_count integer not null default 0,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, case_no)
);
create index disputes_reconsideration_org_idx on disputes_reconsideration (org_id, received_on desc);
create index disputes_reconsideration_due_idx on disputes_reconsideration (region_code, next_due_on) where next_due_on is not null;
create index disputes_reconsideration_case_idx on disputes_reconsideration (enforcement_case_id) where enforcement_case_id is not null;

create table disputes_reconsideration_action (
  id uuid primary key,
  reconsideration_id uuid not null references disputes_reconsideration(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (reconsideration_id, seq)
);

-- wrong-secret lookups of an online application, for throttling (one row per failed attempt)
create table disputes_lookup_failure (
  id uuid primary key,
  receipt_no text not null,
  client text not null,
  at timestamptz not null default now()
);
create index disputes_lookup_failure_idx on disputes_lookup_failure (receipt_no, at);
create index disputes_lookup_failure_client_idx on disputes_lookup_failure (client, at);

-- 行政应诉: one row per instance (一审 / 二审 / 再审); an appeal creates the next instance's row.
create table disputes_lawsuit (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  court text not null,
  court_case_no text not null,
  instance text not null,
  parent_id uuid references disputes_lawsuit(id),
  plaintiff text not null,
  co_defendant_org_id uuid references org(id),
  reconsideration_id uuid references disputes_reconsideration(id),
  contested_act text not null,
  -- the kind of contested act (as on a 复议 case), for the 政务公开 annual report's 信息公开 rows
  act_kind text,
  enforcement_case_id uuid references enforcement_case(id),
  filed_on date not null,
  claims text not null,
  outcome text,
  concluded_on date,
  judgment_served_on date,
  appealed_by text,
  status text not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, court_case_no)
);
create index disputes_lawsuit_org_idx on disputes_lawsuit (org_id, filed_on desc);

create table disputes_hearing (
  id uuid primary key,
  lawsuit_id uuid not null references disputes_lawsuit(id),
  region_code text not null,
  org_id uuid not null,
  summons_served_on date not null,
  hearing_on date not null,
  appearer_name text not null,
  appearer_title text not null,
  appearer_role text not null,
  counts_as_head boolean not null,
  excuse_ground text,
  excuse_note text,
  excuse_proof_sha256 text,
  summons_late boolean not null,
  created_by uuid, created_at timestamptz not null default now()
);
create index disputes_hearing_lawsuit_idx on disputes_hearing (lawsuit_id, hearing_on);

-- 检察建议 / 司法建议 received by the government and its departments
create table disputes_suggestion (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null,
  issuer text not null,
  document_no text not null,
  issued_on date not null,
  received_on date not null,
  urgent boolean not null default false,
  summary text not null,
  due_on date not null,
  replied_on date,
  reply text,
  rectification text,
  status text not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, document_no)
);
create index disputes_suggestion_org_idx on disputes_suggestion (org_id, received_on desc);
