-- Figures as of a period end (issue 16): the day an officer left the post and the day a
-- certificate's issuer status last changed, so a past year's 持证率 is computed from history,
-- not from today's flags. Existing rows take the day of their last edit.
alter table enforcement_officer add column left_on date;
update enforcement_officer set left_on = (updated_at at time zone 'Asia/Shanghai')::date where not active;

alter table enforcement_certificate add column status_on date;
update enforcement_certificate set status_on = (updated_at at time zone 'Asia/Shanghai')::date where status <> 'valid';

-- A filed figure keeps the qualifier the unit wrote beside it (约 / 余 / 以上 / 以内).
alter table data_call_figure add column qualifier text not null default ''
  check (qualifier in ('', 'about', 'over', 'atLeast', 'within'));
