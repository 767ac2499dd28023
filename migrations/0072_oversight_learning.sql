-- 学法述法, training, 普法, the year's work plan and the leaders' 第一责任人 register. Each is a
-- ledger of typed columns; figures (src/domains/oversight/metrics.ts) count them.

-- 理论学习中心组 / 常务会议会前学法 / 党委(党组)集体学法 / 法治讲座
create table oversight_study_session (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  kind text not null check (kind in ('centralGroup', 'preMeeting', 'partyGroup', 'lecture')),
  held_on date not null,
  topic text not null,
  laws text not null default '',
  lecturer text not null default '',
  attendees integer not null check (attendees between 0 and 100000),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_study_session_idx on oversight_study_session (region_code, held_on);

-- 任前考法: an exam and its candidates; a candidate passes at or above the exam's pass mark
create table oversight_exam (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  title text not null,
  pass_mark integer not null check (pass_mark between 1 and 100),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create table oversight_exam_candidate (
  id uuid primary key,
  parent_id uuid not null references oversight_exam(id),
  region_code text not null,
  org_id uuid not null,
  person_name text not null,
  position text not null default '',
  -- null: registered but absent (参考率 counts those with a score)
  score integer check (score between 0 and 100)
);
create index oversight_exam_candidate_idx on oversight_exam_candidate (parent_id);

-- 述法: an org (by its leader) reports on its rule-of-law duties, on site or in writing, and is rated
create table oversight_duty_report (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  mode text not null check (mode in ('onSite', 'written')),
  reporter text not null,
  rating text check (rating in ('good', 'fair', 'poor')),
  score integer check (score between 0 and 100),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_duty_report_idx on oversight_duty_report (region_code, held_on);

-- 法治培训: a course and the hours each attendee earned
create table oversight_training_course (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  title text not null,
  provider text not null check (provider in ('partySchool', 'department', 'online', 'other')),
  hours numeric(5,1) not null check (hours > 0 and hours <= 500),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create table oversight_training_attendance (
  id uuid primary key,
  parent_id uuid not null references oversight_training_course(id),
  region_code text not null,
  org_id uuid not null,
  person_name text not null,
  position text not null default '',
  hours numeric(5,1) not null check (hours >= 0 and hours <= 500)
);
create index oversight_training_attendance_idx on oversight_training_attendance (parent_id);

-- 普法“三单一书”: per org and year, the three lists and the date the 提示书 was issued
create table oversight_publicity_list (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  responsibility_list text not null,
  task_list text not null,
  duty_list text not null,
  reminder_issued_on date,
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, held_on)
);

-- 普法 activities and campaigns: on site (participants, materials) or pushed online (messages)
create table oversight_publicity_activity (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  kind text not null check (kind in ('campaign', 'lecture', 'consultation', 'exhibition', 'online')),
  channel text not null default 'onSite' check (channel in ('onSite', 'weibo', 'wechat', 'sms', 'media')),
  title text not null,
  audience text not null default '',
  participants integer not null default 0 check (participants >= 0),
  materials integer not null default 0 check (materials >= 0),
  messages integer not null default 0 check (messages >= 0),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_publicity_activity_idx on oversight_publicity_activity (region_code, held_on);

-- 以案释法: a case explained to the public, linked to a real enforcement case when there is one
create table oversight_case_explanation (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  title text not null,
  case_no text not null default '',
  channel text not null default '',
  summary text not null default '',
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- 年度工作要点: a task ledger; progress updates are appended, the latest percentage is projected
create table oversight_workplan_task (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  title text not null,
  supporting_orgs text not null default '',
  due_on date not null,
  progress integer not null default 0 check (progress between 0 and 100),
  last_update text not null default '',
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_workplan_task_idx on oversight_workplan_task (region_code, held_on);

-- 第一责任人 register: what the principal leaders did (meetings that studied rule-of-law matters,
-- instructions, reports heard, 述法)
create table oversight_leader_duty (
  id uuid primary key,
  region_code text not null references region(code),
  org_id uuid not null references org(id),
  held_on date not null,
  kind text not null check (kind in ('meeting', 'instruction', 'reportHeard', 'dutyReport')),
  leader text not null,
  subject text not null,
  items integer not null default 1 check (items >= 0),
  created_by uuid, created_at timestamptz not null default now(),
  updated_by uuid, updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index oversight_leader_duty_idx on oversight_leader_duty (region_code, held_on);
