-- Platform tables: regions, org tree, users and roles, sessions and tokens, audit chain,
-- calendar overrides, stored files. Same file on PGlite and PostgreSQL.
create extension if not exists pg_trgm;

-- GB/T 2260 administrative divisions (6-digit county codes; 9/12-digit townships).
create table region (
  code text primary key check (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
  name text not null,
  level smallint not null check (level between 1 and 5), -- 1 province … 4 township, 5 village
  parent_code text references region(code)
);

create table org (
  id uuid primary key,
  region_code text not null references region(code),
  parent_id uuid references org(id),
  -- materialised path of ids '/root/…/self/' for subtree queries without recursion
  path text not null,
  depth smallint not null,
  name text not null,
  short_name text,
  kind text not null,
  uscc text,
  sort integer not null default 0,
  active boolean not null default true,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (parent_id, name)
);
create index org_path_idx on org (path text_pattern_ops);
create index org_region_idx on org (region_code);

create table app_user (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  username text not null unique check (username ~ '^[a-z0-9_.-]{2,40}$'),
  display_name text not null,
  phone text,
  password_hash text not null,
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index app_user_org_idx on app_user (org_id);

-- RuoYi's five data scopes: all / custom (chosen orgs) / org / orgAndBelow / self.
create table role (
  id uuid primary key,
  code text not null unique check (code ~ '^[a-zA-Z][a-zA-Z0-9_]{1,40}$'),
  name text not null,
  permissions text[] not null default '{}',
  data_scope text not null check (data_scope in ('all','custom','org','orgAndBelow','self')),
  custom_org_ids uuid[] not null default '{}',
  builtin boolean not null default false,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table user_role (
  user_id uuid not null references app_user(id) on delete cascade,
  role_id uuid not null references role(id),
  primary key (user_id, role_id)
);

-- Sessions and API tokens are stored by SHA-256 of the secret, never the secret itself.
create table session (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index session_user_idx on session (user_id);

create table api_token (
  id uuid primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text not null,
  org_id uuid,
  region_code text,
  action text not null,
  entity text not null,
  entity_id text,
  change jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index audit_entity_idx on audit_log (entity, entity_id);
create index audit_at_idx on audit_log (at);

-- Admin-loaded holiday arrangements for years the chinese-days package does not cover.
create table calendar_year (
  year integer primary key,
  source text not null,
  loaded_by uuid,
  loaded_at timestamptz not null default now()
);
create table calendar_day (
  day date primary key,
  kind text not null check (kind in ('holiday','workday')), -- workday = 调休上班日
  name text not null default '',
  year integer not null references calendar_year(year) on delete cascade
);

-- Content-addressed attachments: bytes live in the file store under their SHA-256.
create table stored_file (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null,
  mime text not null,
  original_name text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
