-- 政府信息公开工作年度报告 (政府信息公开条例 第四十九、五十条; 国办公开办函〔2021〕30号): the tables
-- are generated from the records every time; what the office writes is kept here — parts 五 (存在的
-- 主要问题及改进情况) and 六 (其他需要报告的事项), an optional paragraph added to part 一 — with the
-- days the report was submitted (1月31日) and published (3月31日), which end the reminders.
create table requests_disclosure_report (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  year integer not null check (year between 2008 and 2100),
  overview_note text not null default '',
  problems text not null default '',
  other_matters text not null default '',
  submitted_on date,
  published_on date,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, year)
);
create index requests_disclosure_report_region_idx on requests_disclosure_report (region_code, year);
