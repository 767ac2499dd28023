-- 机构职能: what the org record holds about an org's establishment — 编制 (administrative and
-- public-institution posts, and posts moved down to townships), legal staff, and its 三定方案 —
-- and the register of functions moved between orgs (相对集中行政许可权改革, 委托受理, 转隶).
alter table org add column admin_staffing integer not null default 0 check (admin_staffing >= 0);
alter table org add column public_staffing integer not null default 0 check (public_staffing >= 0);
alter table org add column seconded_staffing integer not null default 0 check (seconded_staffing >= 0);
alter table org add column legal_staff integer not null default 0 check (legal_staff >= 0);
alter table org add column sanding_status text not null default 'none' check (sanding_status in ('none', 'drafting', 'issued'));
alter table org add column sanding_issued_on date;

create table oversight_function_transfer (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  from_org text not null,
  kind text not null check (kind in ('license', 'otherPower', 'entrustedReview', 'entrustedService')),
  batch integer not null default 1 check (batch between 1 and 20),
  items integer not null check (items >= 0),
  staff_moved integer not null default 0 check (staff_moved >= 0),
  staffing_moved integer not null default 0 check (staffing_moved >= 0),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_function_transfer_idx on oversight_function_transfer (region_code, held_on);
