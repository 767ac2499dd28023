-- Every category of 行政执法 case (许可、处罚、强制 and the generic procedure of the others),
-- 全过程记录 attached to the acts of a case, and the withdrawal clock of a publication whose
-- decision was changed or revoked (行政处罚法 第四十八条).
alter table enforcement_case drop constraint if exists enforcement_case_procedure_check;
alter table enforcement_case add constraint enforcement_case_procedure_check
  check (procedure in ('ordinary','summary','license','coercion','generic'));
-- 变更 / 撤销: the decision as it stands (the amount of an amended fine is in `amount`)
alter table enforcement_case add column changed_on date;
alter table enforcement_case add column revoked_on date;
-- outcome of a decided or ended case: decided / terminated / granted / refused / rejected / revoked …
alter table enforcement_case add column outcome text;
create index enforcement_case_category_idx on enforcement_case (region_code, category, opened_on desc);

-- 全过程记录 (行政处罚法 第四十七条; 国办发〔2018〕118号): documents and audio-video of an act,
-- each an attachment stored by its SHA-256 (stored_file). Rows are only ever added (补录 audited).
create table enforcement_case_record (
  id uuid primary key,
  case_id uuid not null references enforcement_case(id),
  region_code text not null,
  org_id uuid not null,
  seq integer not null,
  sha256 text not null references stored_file(sha256),
  kind text not null check (kind in ('document','audioVideo')),
  name text not null,
  size bigint not null,
  added_by uuid,
  added_at timestamptz not null default now(),
  late boolean not null default false,
  foreign key (case_id, seq) references enforcement_case_action(case_id, seq)
);
create index enforcement_case_record_case_idx on enforcement_case_record (case_id, seq);

-- 撤回: a published decision later changed or revoked must be withdrawn within 3 working days
alter table enforcement_publication add column withdraw_due_on date;
alter table enforcement_publication add column change_kind text check (change_kind in ('amend','revoke'));
alter table enforcement_publication add column change_reason text;
alter table enforcement_publication add column withdraw_note text;
alter table enforcement_publication add column category text not null default 'penalty';
create index enforcement_publication_withdraw_idx on enforcement_publication (region_code, withdraw_due_on)
  where withdraw_due_on is not null and status = 'published';
