-- 行政执法: enforcement bodies (执法主体) and officers (执法人员) with certificates (执法证).

-- An org holding enforcement power: 法定 (statutory), 授权 (authorised by law or regulation),
-- 委托 (entrusted by another body, which stays responsible; 行政处罚法 art. 20).
create table enforcement_body (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  name text not null,
  kind text not null check (kind in ('statutory','authorized','entrusted')),
  -- 职权范围 / 执法领域 in words
  scope text not null default '',
  entrusted_by_org_id uuid references org(id),
  basis text not null default '',
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id),
  check ((kind = 'entrusted') = (entrusted_by_org_id is not null))
);
create index enforcement_body_region_idx on enforcement_body (region_code);

create table enforcement_officer (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  body_id uuid not null references enforcement_body(id),
  -- a platform account of the officer, when there is one (used to keep handlers from reviewing)
  user_id uuid references app_user(id),
  name text not null,
  gender text not null check (gender in ('male','female')),
  position text not null default '',
  training_hours integer not null default 0 check (training_hours >= 0),
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index enforcement_officer_org_idx on enforcement_officer (org_id);
create index enforcement_officer_body_idx on enforcement_officer (body_id);
create index enforcement_officer_name_idx on enforcement_officer using gin (name gin_trgm_ops);

-- 行政执法证: the stored status is the issuer's (valid / suspended / revoked); "expired" is
-- derived from valid_until on the day asked, never stored.
create table enforcement_certificate (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  officer_id uuid not null references enforcement_officer(id),
  number text not null unique,
  field text not null,
  issued_on date not null,
  valid_until date not null,
  status text not null default 'valid' check (status in ('valid','suspended','revoked')),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (valid_until >= issued_on)
);
create index enforcement_certificate_officer_idx on enforcement_certificate (officer_id, valid_until desc);
create index enforcement_certificate_until_idx on enforcement_certificate (region_code, valid_until);
