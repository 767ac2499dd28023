-- The lists beside the 权责清单 (power_item): 行政许可事项清单, 执法事项, 包容审慎“四张清单” and
-- 裁量权基准. Each is versioned like power_item: the row holds the current state, and
-- powers_revision keeps every change (create / amend / repeal) with its reason and a snapshot.

-- 行政许可事项清单
create table license_item (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  -- the 权责清单 item of category license this entry implements, where one exists
  power_item_id uuid references power_item(id),
  code text not null,
  name text not null,
  sub_item text not null default '',
  implementing_org text not null,
  -- 设定依据: law title without 《》 and the article
  law_name text not null,
  article text not null,
  implementation_basis text not null default '',
  approval_level text not null check (approval_level in ('national','province','prefecture','county','township')),
  -- 法定 / 承诺办结时限 in working days; 0 = 即办
  statutory_days integer not null check (statutory_days between 0 and 365),
  promised_days integer not null check (promised_days between 0 and 365),
  charges boolean not null default false,
  fee_note text not null default '',
  prerequisite boolean not null default false,
  prerequisite_note text not null default '',
  status text not null default 'active' check (status in ('active','repealed')),
  revision integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (promised_days <= statutory_days),
  unique (region_code, code)
);
create index license_item_org_idx on license_item (org_id, status);
create index license_item_power_idx on license_item (power_item_id);

-- 执法事项: which enforcement body carries out which power item, at which level, entrusted or not
create table enforcement_matter (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  power_item_id uuid not null references power_item(id),
  body_id uuid not null references enforcement_body(id),
  level text not null check (level in ('province','prefecture','county','township')),
  entrusted boolean not null default false,
  note text not null default '',
  status text not null default 'active' check (status in ('active','repealed')),
  revision integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index enforcement_matter_held_idx on enforcement_matter (power_item_id, body_id) where status = 'active';
create index enforcement_matter_body_idx on enforcement_matter (body_id, status);

-- 包容审慎监管“四张清单”: 不予处罚 / 从轻 / 减轻 / 免予行政强制
create table leniency_item (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null check (kind in ('noPenalty','lighterPenalty','reducedPenalty','noCoercion')),
  power_item_id uuid references power_item(id),
  code text not null,
  violation text not null,
  conditions text not null,
  law_name text not null,
  article text not null,
  outcome text not null,
  status text not null default 'active' check (status in ('active','repealed')),
  revision integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, code)
);
create index leniency_item_org_idx on leniency_item (org_id, kind, status);
create index leniency_item_power_idx on leniency_item (power_item_id);

-- 裁量权基准: per power item, the ranges by 情节 (jsonb array of levels, see src/domains/powers)
create table discretion_standard (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  power_item_id uuid not null references power_item(id),
  code text not null,
  violation text not null,
  law_name text not null,
  article text not null,
  levels jsonb not null,
  status text not null default 'active' check (status in ('active','repealed')),
  revision integer not null default 1,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (region_code, code)
);
-- one standard in force per power item
create unique index discretion_standard_power_idx on discretion_standard (power_item_id) where status = 'active';
create index discretion_standard_org_idx on discretion_standard (org_id, status);

-- Append-only history of the four lists: one row per change with the entry as it became.
create table powers_revision (
  id uuid primary key,
  list text not null check (list in ('license','matter','leniency','discretion')),
  item_id uuid not null,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  revision integer not null,
  change text not null check (change in ('create','amend','repeal')),
  reason text not null default '',
  snapshot jsonb not null,
  changed_by uuid,
  changed_at timestamptz not null default now(),
  unique (list, item_id, revision)
);

-- 包容审慎清单 applied in case decisions: found by the leniency item id in the action log
create index enforcement_case_action_leniency_idx on enforcement_case_action ((data->>'leniencyItemId'))
  where data ? 'leniencyItemId';
