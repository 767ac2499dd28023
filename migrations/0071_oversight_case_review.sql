-- 案卷评查: versioned rubrics (评查标准), campaigns that draw a reproducible sample of closed
-- enforcement cases by commit–reveal (as the 双随机 draw, docs/oversight.md), and the scored files.

-- A rubric edition is never edited: a change is the next edition of the same name.
create table oversight_rubric (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  name text not null,
  edition integer not null check (edition >= 1),
  items jsonb not null,
  excellent_from integer not null check (excellent_from between 1 and 100),
  pass_from integer not null check (pass_from between 1 and 100),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, name, edition),
  check (pass_from < excellent_from)
);

create table oversight_review_campaign (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  year integer not null,
  title text not null,
  rubric_id uuid not null references oversight_rubric(id),
  closed_from date not null,
  closed_to date not null,
  per_stratum integer not null check (per_stratum between 1 and 1000),
  -- commit: the frozen frame and its commitment, written before anything is drawn
  frozen_input text not null,
  commitment text not null check (commitment ~ '^[0-9a-f]{64}$'),
  candidate_count integer not null,
  committed_at timestamptz not null,
  -- reveal and result
  reveal jsonb,
  seed text,
  result_hash text,
  drawn_at timestamptz,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (closed_from <= closed_to),
  check ((reveal is null) = (seed is null) and (seed is null) = (result_hash is null))
);
create index oversight_review_campaign_idx on oversight_review_campaign (region_code, year);

-- a drawn case file: org_id is the case's org (the reviewed unit sees its own files)
create table oversight_review_file (
  id uuid primary key,
  campaign_id uuid not null references oversight_review_campaign(id),
  region_code text not null,
  org_id uuid not null references org(id),
  case_id uuid not null,
  seq integer not null,
  stratum text not null,
  scores jsonb,
  total numeric(5,1),
  grade text check (grade in ('excellent', 'pass', 'fail')),
  comment text,
  reviewer_id uuid,
  reviewer_name text,
  scored_on date,
  version integer not null default 1,
  unique (campaign_id, seq),
  unique (campaign_id, case_id)
);
create index oversight_review_file_org_idx on oversight_review_file (org_id, campaign_id);
