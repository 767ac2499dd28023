-- 行政执法公示 (事后): a decision creates its publication, due within 7 working days for license and
-- penalty decisions (国办发〔2018〕118号). `content` is what the public sees, already masked.
create table enforcement_publication (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  case_id uuid not null unique references enforcement_case(id),
  decided_on date not null,
  due_on date not null,
  status text not null check (status in ('pending','published','withheld','withdrawn')),
  withheld_reason text,
  published_on date,
  withdrawn_on date,
  content jsonb,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index enforcement_publication_due_idx on enforcement_publication (region_code, status, due_on);
