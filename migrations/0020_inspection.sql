-- 双随机、一公开 (randomInspection): 一单两库 (checklist items, inspectees, inspectors), plans,
-- tasks, draws with their frozen inputs and hashes, drawn targets and their results.
-- RULES §2.5: ≥5% sampling, ≥2 inspectors, 回避, results published within 20 working days.

-- 抽查事项清单: one row per matter an org may inspect. Ratios are basis points (1/100 of a per cent).
create table inspection_checklist_item (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  matter text not null,
  category text not null default '',
  legal_basis text not null,
  method text not null,
  default_ratio_bp integer not null check (default_ratio_bp between 0 and 10000),
  -- rounds a year (RULES §2.5: ≥1 by default)
  frequency_per_year smallint not null default 1 check (frequency_per_year between 1 and 12),
  joint boolean not null default false,
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, matter)
);
create index inspection_checklist_item_region_idx on inspection_checklist_item (region_code, org_id);

-- 检查对象名录库. region_code is the registering org's (scope, sharding); location_code is the
-- township (or county) where the inspectee is.
create table inspection_inspectee (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null check (kind in ('enterprise','individual')),
  name text not null,
  uscc text,
  industry text not null,
  location_code text not null references region(code),
  risk_grade text not null check (risk_grade in ('A','B','C','D')),
  address text not null default '',
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (kind = 'individual' or uscc is not null)
);
create unique index inspection_inspectee_uscc_idx on inspection_inspectee (region_code, uscc) where uscc is not null;
create index inspection_inspectee_filter_idx on inspection_inspectee (region_code, industry, location_code, risk_grade) where active;

-- 执法检查人员名录库. Filled from enforcement officers (officer_id) when they exist; the name,
-- certificate number and validity are copied at registration so a draw freezes what it used.
create table inspection_inspector (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  officer_id uuid references enforcement_officer(id),
  name text not null,
  certificate_number text not null,
  certificate_valid_until date not null,
  fields text[] not null default '{}',
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (certificate_number)
);
create index inspection_inspector_org_idx on inspection_inspector (org_id) where active;
create unique index inspection_inspector_officer_idx on inspection_inspector (officer_id) where officer_id is not null;

-- 回避: a declared conflict between an inspectee and an inspector, or an inspectee and a whole org.
create table inspection_conflict (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  inspectee_id uuid not null references inspection_inspectee(id),
  inspector_id uuid references inspection_inspector(id),
  conflict_org_id uuid references org(id),
  reason text not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check ((inspector_id is null) <> (conflict_org_id is null))
);
create index inspection_conflict_inspectee_idx on inspection_conflict (inspectee_id);

-- 抽查计划: org_id is the lead org; a joint plan lists every participating org (lead included).
create table inspection_plan (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  year integer not null check (year between 2000 and 2100),
  name text not null,
  kind text not null check (kind in ('department','joint')),
  participant_org_ids uuid[] not null,
  note text not null default '',
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (kind = 'joint' or cardinality(participant_org_ids) = 1),
  check (kind = 'department' or cardinality(participant_org_ids) >= 2)
);
create index inspection_plan_year_idx on inspection_plan (region_code, year);

create table inspection_task (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  plan_id uuid not null references inspection_plan(id),
  name text not null,
  checklist_item_ids uuid[] not null,
  mode text not null check (mode in ('ratio','count')),
  -- per risk grade, basis points; used when mode = 'ratio'
  ratio_bp jsonb not null default '{}',
  count integer check (count is null or count >= 1),
  filter_industries text[] not null default '{}',
  filter_locations text[] not null default '{}',
  filter_risk_grades text[] not null default '{}',
  inspectors_per_inspectee smallint not null default 2 check (inspectors_per_inspectee between 2 and 10),
  start_on date not null,
  end_on date not null,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (end_on >= start_on),
  check ((mode = 'count') = (count is not null))
);
create index inspection_task_plan_idx on inspection_task (plan_id);

-- A draw: the frozen input (canonical JSON) and every hash, the commitment recorded before the
-- draw, the reveal fixed at draw time, the seed and the result hash. status: committed → drawn,
-- or failed (a rule could not be met; nothing drawn, a new commitment may follow).
create table inspection_draw (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  task_id uuid not null references inspection_task(id),
  algorithm text not null,
  frozen_input text not null,
  candidates_hash text not null,
  inspectors_hash text not null,
  conflicts_hash text not null,
  params_hash text not null,
  commitment text not null,
  committed_at timestamptz not null,
  status text not null check (status in ('committed','drawn','failed')),
  drawn_at timestamptz,
  server_random text,
  seed text,
  result_hash text,
  candidate_count integer not null,
  drawn_count integer,
  failure jsonb,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
-- one live draw per task: re-drawing a task is refused
create unique index inspection_draw_task_live_idx on inspection_draw (task_id) where status <> 'failed';
create index inspection_draw_region_idx on inspection_draw (region_code, committed_at);

-- Nobody edits a frozen input or a completed draw, not even with SQL through the app's role.
create function inspection_draw_frozen() returns trigger language plpgsql as $$
begin
  if new.frozen_input is distinct from old.frozen_input
     or new.commitment is distinct from old.commitment
     or new.candidates_hash is distinct from old.candidates_hash
     or new.inspectors_hash is distinct from old.inspectors_hash
     or new.conflicts_hash is distinct from old.conflicts_hash
     or new.params_hash is distinct from old.params_hash
     or new.task_id is distinct from old.task_id then
    raise exception 'inspection_draw % is frozen after its commitment', old.id using errcode = '55000';
  end if;
  if old.status <> 'committed' then
    raise exception 'inspection_draw % is complete', old.id using errcode = '55000';
  end if;
  return new;
end $$;
create trigger inspection_draw_frozen before update on inspection_draw
  for each row execute function inspection_draw_frozen();

-- One drawn inspectee: its inspectors, its result and its publication.
create table inspection_target (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  draw_id uuid not null references inspection_draw(id),
  task_id uuid not null references inspection_task(id),
  seq integer not null,
  inspectee_id uuid not null references inspection_inspectee(id),
  stratum text not null check (stratum in ('A','B','C','D')),
  inspector_ids uuid[] not null,
  result text,
  result_note text not null default '',
  inspected_on date,
  published_on date,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (draw_id, seq),
  check (published_on is null or result is not null)
);
create index inspection_target_task_idx on inspection_target (task_id);
create index inspection_target_inspectee_idx on inspection_target (inspectee_id);

create function inspection_target_frozen() returns trigger language plpgsql as $$
begin
  if new.inspector_ids is distinct from old.inspector_ids or new.inspectee_id is distinct from old.inspectee_id
     or new.seq is distinct from old.seq or new.draw_id is distinct from old.draw_id or new.stratum is distinct from old.stratum then
    raise exception 'inspection_target % comes from a draw and cannot change', old.id using errcode = '55000';
  end if;
  return new;
end $$;
create trigger inspection_target_frozen before update on inspection_target
  for each row execute function inspection_target_frozen();
