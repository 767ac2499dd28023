-- 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号): the yearly 决策事项目录 and each decision's
-- procedure. Status columns are projections of the append-only logs, rewritten with every action.
-- See docs/legality.md.

-- 决策事项目录 (art. 3): drafted, agreed by the Party committee, published, adjusted with reasons.
create table legality_catalogue (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),              -- the 决策机关
  year integer not null check (year between 2000 and 2100),
  status text not null check (status in ('drafted','agreed','published')),
  agreed_on date, agreed_by text not null default '',   -- 同级党委同意 (meeting or document)
  published_on date, channel text not null default '',
  adjustment_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, year)
);
create index legality_catalogue_region_idx on legality_catalogue (region_code, year);

create table legality_catalogue_event (
  id uuid primary key,
  catalogue_id uuid not null references legality_catalogue(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (catalogue_id, seq)
);

-- One decision of a catalogue; every column after `status` is read from the action log.
create table legality_decision (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  catalogue_id uuid not null references legality_catalogue(id),
  year integer not null,
  title text not null,
  category text not null check (category in ('publicPolicy','plan','resources','publicWorks','other')),
  market_related boolean not null default false,
  undertaking_org text not null default '',
  listed_on date not null,
  status text not null check (status in ('preparing','decided','published','rejected','withdrawn')),
  comment_from date, comment_to date, comment_count integer not null default 0,
  hearing_on date,
  expert_on date,
  risk_on date, risk_level text check (risk_level in ('low','medium','high')),
  waived text[] not null default '{}',                  -- procedures not applicable, with reasons in the log
  review_id uuid references legality_review(id),
  discussed_on date, meeting text not null default '',
  decided_on date,
  published_on date,
  archived_on date,
  executing_from date,
  evaluated_on date, evaluation_count integer not null default 0,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index legality_decision_catalogue_idx on legality_decision (catalogue_id);
create index legality_decision_org_idx on legality_decision (org_id, year);
create index legality_decision_region_idx on legality_decision (region_code, year, status);

create table legality_decision_event (
  id uuid primary key,
  decision_id uuid not null references legality_decision(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (decision_id, seq)
);

-- The logs are append-only like the other domains' (0096/0097); 0096 runs after this file, so
-- these triggers use a function of their own with the same refusal.
create function legality_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% 为只增记录,不得修改或删除', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger legality_catalogue_event_append_only before update or delete on legality_catalogue_event
  for each row execute function legality_append_only();
create trigger legality_decision_event_append_only before update or delete on legality_decision_event
  for each row execute function legality_append_only();
