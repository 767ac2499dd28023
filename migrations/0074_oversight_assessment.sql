-- 考评 (指标体系): indicator editions as data (three levels, weights, scoring rules, the evidence
-- each indicator requires), rounds that assess units against an edition for a year, each unit's
-- filed values with 佐证, reviewers' scores and comments (docs/oversight.md).

-- An edition is never edited: a change is the next edition of the same name.
create table oversight_assessment_edition (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  name text not null,
  edition integer not null check (edition >= 1),
  note text not null default '',
  excellent_from numeric(5,1) not null,
  good_from numeric(5,1) not null,
  pass_from numeric(5,1) not null,
  indicator_count integer not null,
  source_file text,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, name, edition),
  check (pass_from < good_from and good_from < excellent_from and excellent_from <= 100)
);

create table oversight_assessment_indicator (
  id uuid primary key,
  edition_id uuid not null references oversight_assessment_edition(id),
  region_code text not null,
  seq integer not null,
  code text not null,
  level integer not null check (level between 1 and 3),
  parent_code text,
  title text not null,
  weight numeric(5,1) not null check (weight > 0 and weight <= 100),
  leaf boolean not null,
  -- leaves only: 'filed' (the unit files a value and 佐证, a reviewer scores) or 'metric' (from records)
  method text check (method in ('filed', 'metric')),
  metric_id text,
  rule text check (rule in ('review', 'atLeast', 'proportional', 'atMost')),
  target numeric(14,2),
  evidence text not null default '',
  unique (edition_id, code),
  unique (edition_id, seq),
  check ((method = 'metric') = (metric_id is not null))
);

create table oversight_assessment_round (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  edition_id uuid not null references oversight_assessment_edition(id),
  year integer not null check (year between 2000 and 2100),
  title text not null,
  opened_on date not null,
  fill_due date not null,
  published_on date,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (opened_on <= fill_due)
);
create index oversight_assessment_round_idx on oversight_assessment_round (region_code, year);

-- one assessed unit of a round; its status follows from submitted_on / scored_on and the round's published_on
create table oversight_assessment_unit (
  id uuid primary key,
  round_id uuid not null references oversight_assessment_round(id),
  region_code text not null,
  org_id uuid not null references org(id),
  submitted_on date,
  submitted_by uuid,
  returned_note text not null default '',
  scored_on date,
  scored_by uuid,
  total numeric(5,1),
  grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (round_id, org_id),
  check ((scored_on is null) = (total is null) and (total is null) = (grade is null))
);
create index oversight_assessment_unit_org_idx on oversight_assessment_unit (org_id, round_id);

-- a unit's answer and score on one leaf indicator
create table oversight_assessment_entry (
  id uuid primary key,
  unit_id uuid not null references oversight_assessment_unit(id),
  region_code text not null,
  org_id uuid not null,
  indicator_id uuid not null references oversight_assessment_indicator(id),
  value numeric(14,2),
  note text not null default '',
  evidence jsonb not null default '[]',
  auto_on date,
  score numeric(5,1),
  comment text not null default '',
  reviewer_id uuid,
  reviewer_name text,
  unique (unit_id, indicator_id)
);
