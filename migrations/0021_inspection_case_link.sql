-- 双随机: a problem result opens an enforcement case (立案); the result keeps the link.
alter table inspection_target add column case_id uuid references enforcement_case(id);
create index inspection_target_case_idx on inspection_target (case_id) where case_id is not null;
