-- 行政执法案件: each case is an append-only action log. The columns after "projection" are
-- recomputed from the log (deriveStatus, dueDates) in the same transaction as each append, never
-- set by hand, so the ledger can filter 临期 / 逾期 in SQL.
create table enforcement_case (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  body_id uuid not null references enforcement_body(id),
  power_item_id uuid references power_item(id),
  case_no text not null,
  category text not null default 'penalty' check (category in ('license','penalty','coercion','levy','benefit','inspection','confirmation','reward','adjudication','other')),
  procedure text not null check (procedure in ('ordinary','summary')),
  party_kind text not null check (party_kind in ('person','organisation')),
  party_name text not null,
  party_id_number text,
  party_uscc text,
  party_minor boolean not null default false,
  facts text not null,
  handler_ids uuid[] not null,
  major_reason text,
  -- projection
  status text not null,
  opened_on date not null,
  decided_on date,
  closed_on date,
  penalties text[] not null default '{}',
  amount numeric(14,2),
  is_major boolean not null default false,
  reviewed boolean not null default false,
  next_due_kind text,
  next_due_on date,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, case_no),
  check (cardinality(handler_ids) >= 2)
);
create index enforcement_case_org_idx on enforcement_case (org_id, opened_on desc);
create index enforcement_case_due_idx on enforcement_case (region_code, next_due_on) where next_due_on is not null;
create index enforcement_case_decided_idx on enforcement_case (decided_on, org_id, category) include (status, amount);
create index enforcement_case_party_idx on enforcement_case using gin (party_name gin_trgm_ops);

create table enforcement_case_action (
  id uuid primary key,
  case_id uuid not null references enforcement_case(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (case_id, seq)
);

-- 重大执法决定 thresholds per region (处罚法 art. 58(4)); a region without a row uses the defaults.
create table enforcement_major_threshold (
  region_code text primary key references region(code),
  person_amount numeric(14,2) not null,
  organisation_amount numeric(14,2) not null,
  revoke_license boolean not null default true,
  suspend_business boolean not null default true,
  hearing_held boolean not null default true,
  updated_by uuid, updated_at timestamptz not null default now()
);
