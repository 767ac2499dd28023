-- 数据填报 (data calls): the supervising office asks units for figures that live in other systems.

-- A reported metric defined in a form by the office (catalogue metrics live in code, not here).
create table reported_metric (
  id text primary key check (id ~ '^custom\.[a-z0-9-]+$'),
  name text not null,
  unit text not null,
  definition text not null,
  additive boolean not null default true,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table data_call (
  id uuid primary key,
  region_code text not null references region(code),
  -- the supervising office that issues the call
  org_id uuid not null references org(id),
  title text not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  deadline date not null,
  status text not null check (status in ('draft', 'open', 'closed')),
  opened_at timestamptz,
  closed_at timestamptz,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index data_call_org_idx on data_call (org_id);

-- One figure asked for (reported) or shown read-only (computed); name/unit/definition are the
-- form's snapshot so a later catalogue edit never changes what a unit was asked.
create table data_call_item (
  id uuid primary key,
  call_id uuid not null references data_call(id) on delete cascade,
  seq integer not null,
  metric_id text not null,
  source text not null check (source in ('reported', 'computed')),
  name text not null,
  unit text not null,
  definition text not null,
  unique (call_id, metric_id),
  unique (call_id, seq)
);

-- One target unit's answer to a call; org_id is the unit, so the unit's scope sees it.
create table data_call_submission (
  id uuid primary key,
  call_id uuid not null references data_call(id) on delete cascade,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  status text not null check (status in ('pending', 'submitted', 'accepted', 'returned')),
  submitted_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid,
  return_reason text,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (call_id, org_id)
);
create index data_call_submission_org_idx on data_call_submission (org_id, status);

create table data_call_figure (
  id uuid primary key,
  submission_id uuid not null references data_call_submission(id) on delete cascade,
  item_id uuid not null references data_call_item(id) on delete cascade,
  metric_id text not null,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  value numeric not null check (value >= 0),
  unit text not null,
  evidence_text text,
  -- sha-256 of an attachment in the content-addressed store
  evidence_hash text check (evidence_hash ~ '^[0-9a-f]{64}$'),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (submission_id, item_id)
);
create index data_call_figure_metric_idx on data_call_figure (metric_id, org_id);
