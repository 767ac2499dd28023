-- 权责清单: power items of each org with their legal basis, versioned with a change history.
create table power_item (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  -- 事项编码, unique within a region
  code text not null,
  category text not null check (category in ('license','penalty','coercion','levy','benefit','inspection','confirmation','reward','adjudication','other')),
  name text not null,
  -- legal basis: the law's title without 《》, and the article ('第一百二十四条第一款')
  law_name text not null,
  article text not null,
  basis_note text not null default '',
  -- 追责情形
  accountability text not null default '',
  status text not null default 'active' check (status in ('active','repealed')),
  -- the revision number of power_item_revision that describes the current state
  revision integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, code)
);
create index power_item_org_idx on power_item (org_id, category);
create index power_item_name_idx on power_item using gin (name gin_trgm_ops);

-- Append-only: one row per change (create / amend / repeal) with the item as it became.
create table power_item_revision (
  id uuid primary key,
  power_item_id uuid not null references power_item(id),
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  revision integer not null,
  change text not null check (change in ('create','amend','repeal')),
  reason text not null default '',
  snapshot jsonb not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  unique (power_item_id, revision)
);
