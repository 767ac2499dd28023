-- 法治政府建设年度报告: one report per org and year; every generation or edit is a kept version.
create table annual_report (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  year integer not null check (year between 2000 and 2100),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, year)
);

create table annual_report_version (
  id uuid primary key,
  report_id uuid not null references annual_report(id) on delete cascade,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  no integer not null,
  status text not null check (status in ('draft', 'review', 'approved', 'published')),
  -- the composed report: parts, sentences, narratives, figures with provenance, approvals
  content jsonb not null,
  published_at timestamptz,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (report_id, no)
);
create index annual_report_version_pub_idx on annual_report_version (status, published_at);
