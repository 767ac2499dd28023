-- Requests from the public and from deputies (政府信息公开 依申请公开, 信访, 人民调解/行政调解/诉前调解,
-- 法律援助, 人大建议/政协提案). One item table for the five kinds, each an append-only action log;
-- the columns after "projection" are recomputed from the log in the same transaction as every
-- append (never set by hand), so ledgers filter 临期 / 逾期 and figures aggregate in SQL.
create table requests_item (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null check (kind in ('disclosure', 'petition', 'mediation', 'legalAid', 'proposal')),
  receipt_no text not null,
  subject text not null,
  received_on date not null,
  channel text not null,
  category text not null,
  applicant_kind text not null,
  -- identity and contact: never on a public page (the portal shows the receipt number only)
  applicant_name text not null,
  applicant_contact text,
  facts jsonb not null default '{}',
  -- a related item: the mediation committee, the earlier petition of a 重复信访, a 访调对接 petition
  link_id uuid,
  -- the online application's lookup secret (scrypt hash), for the public status lookup
  secret_hash text,
  -- projection
  status text not null,
  outcome text,
  due_kind text,
  due_on date,
  due_provisional boolean not null default false,
  extended boolean not null default false,
  answered_on date,
  closed_on date,
  on_time boolean,
  resolved boolean,
  amount numeric(14,2),
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index requests_item_receipt_idx on requests_item (region_code, kind, receipt_no);
create index requests_item_org_idx on requests_item (kind, org_id, received_on desc);
create index requests_item_due_idx on requests_item (kind, region_code, due_on) where due_on is not null;
create index requests_item_stats_idx on requests_item (kind, received_on, org_id) include (status, outcome, on_time);

create table requests_action (
  id uuid primary key,
  item_id uuid not null references requests_item(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (item_id, seq)
);

-- 人民调解委员会 (人民调解法 第八、九条): members with gender, 3-year terms
create table requests_committee (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  name text not null,
  members jsonb not null,
  term_start date not null,
  term_end date not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index requests_committee_org_idx on requests_committee (org_id);

-- Registers of counted activities: 主动公开 releases, 领导接访, 法律咨询, 村(居)法律顾问 assignments
-- and activities, 人大 oversight activities, 稳控 accountability.
create table requests_entry (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null,
  category text not null,
  occurred_on date not null,
  title text not null,
  quantity integer not null default 1 check (quantity >= 0),
  person_name text,
  person_org text,
  place text,
  data jsonb not null default '{}',
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index requests_entry_kind_idx on requests_entry (kind, occurred_on, org_id);

-- What differs between regions, editable in the UI, with the default cited where it is set.
create table requests_setting (
  region_code text primary key references region(code),
  proposal_return_days integer not null default 10 check (proposal_return_days between 1 and 30),
  reception_day integer check (reception_day between 1 and 31),
  warn_days integer not null default 5 check (warn_days between 0 and 30),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
