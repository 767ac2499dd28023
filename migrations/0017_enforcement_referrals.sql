-- 两法衔接: referrals of suspected crimes to the public security organ (行政执法机关移送涉嫌犯罪案件的
-- 规定, 2020 rev.). Each referral is an append-only action log about one enforcement case; the
-- columns after "projection" are recomputed from the log in the same transaction as each append
-- (never set by hand), so the ledger filters 临期 / 逾期 and the figures aggregate in SQL.
create table enforcement_referral (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  case_id uuid not null references enforcement_case(id),
  team_ids uuid[] not null,
  suspected_crime text not null,
  facts text not null,
  evidence jsonb not null default '[]',
  reported_on date not null,
  -- art. 11: a penalty decided before the referral stands; a fine offsets the criminal fine
  penalty_decided boolean not null default false,
  penalty_amount numeric(14,2),
  -- projection
  status text not null,
  approved_at timestamptz,
  handed_over_at timestamptz,
  handed_over_on date,
  handover_hours numeric(8,1),
  handover_late boolean,
  police_org text,
  filed_on date,
  declined_on date,
  closed_on date,
  next_due_kind text,
  next_due_at timestamptz,
  next_due_soon_at timestamptz,
  late_count integer not null default 0,
  action_count integer not null default 0,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  check (cardinality(team_ids) >= 2)
);
-- one live referral per case: a new report only after the head refused the earlier one
create unique index enforcement_referral_live_idx on enforcement_referral (case_id) where status <> 'refused';
create index enforcement_referral_org_idx on enforcement_referral (org_id, reported_on desc);
create index enforcement_referral_due_idx on enforcement_referral (region_code, next_due_at) where next_due_at is not null;
create index enforcement_referral_handover_idx on enforcement_referral (handed_over_on, org_id) include (handover_late);

create table enforcement_referral_action (
  id uuid primary key,
  referral_id uuid not null references enforcement_referral(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  action text not null,
  occurred_on date not null,
  occurred_at timestamptz,
  data jsonb not null default '{}',
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  unique (referral_id, seq)
);
