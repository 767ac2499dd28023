-- Figures in one pass (issue 17 item 4): the decided cases of the ledger pre-aggregated by month
-- and by every column the 执法决定 figures filter on, kept by statement triggers on every insert,
-- update and delete (COPY included), so a year's figures read a few thousand tally rows instead
-- of every decided case. Revoked cases stay out of it (their figures depend on the period's end
-- and on their act log); the figures read those, and days of months cut by the period, from the
-- ledger itself (src/domains/enforcement/metrics-cases.ts). `enforcement_case_tally_rebuild()`
-- recomputes it from the ledger (for loads that bypass triggers).
create table enforcement_case_tally (
  org_id uuid not null,
  region_code text not null,
  month date not null,
  category text not null,
  procedure text not null,
  is_major boolean not null,
  reviewed boolean not null,
  penalties text[] not null,
  outcome text,
  n bigint not null,
  amount numeric not null
);

-- derived data: backups leave it out, a restore empties it and the triggers fill it again
comment on table enforcement_case_tally is 'derived: the decided cases by month, kept by triggers on enforcement_case';

create unique index enforcement_case_tally_key on enforcement_case_tally
  (month, org_id, region_code, category, procedure, is_major, reviewed, penalties, outcome) nulls not distinct;

-- the first day of a day's month (date arithmetic: no time zone involved)
create function enforcement_case_tally_month(d date) returns date
  language sql immutable parallel safe
  as $$ select d - (extract(day from d)::int - 1) $$;

create function enforcement_case_tally_rebuild() returns void language plpgsql as $$
begin
  delete from enforcement_case_tally;
  insert into enforcement_case_tally
    (org_id, region_code, month, category, procedure, is_major, reviewed, penalties, outcome, n, amount)
  select org_id, region_code, enforcement_case_tally_month(decided_on), category, procedure, is_major,
    reviewed, penalties, outcome, count(*), coalesce(sum(amount), 0)
  from enforcement_case
  where decided_on is not null and revoked_on is null
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9;
end $$;

create function enforcement_case_tally_write() returns trigger language plpgsql as $$
declare
  part constant text := 'select c.org_id, c.region_code, c.decided_on, c.category, c.procedure, c.is_major,
    c.reviewed, c.penalties, c.outcome, %s as n, %s as amount
    from %I c where c.decided_on is not null and c.revoked_on is null';
  rows text;
begin
  -- the transition tables a statement has: the old rows counted out, the new rows counted in
  rows := case tg_op
    when 'INSERT' then format(part, '1', 'c.amount', 'new_rows')
    when 'DELETE' then format(part, '-1', '-c.amount', 'old_rows')
    else format(part, '-1', '-c.amount', 'old_rows') || ' union all ' || format(part, '1', 'c.amount', 'new_rows')
  end;
  -- one upsert per statement; groups that net to nothing skipped; in key order, so two writers
  -- lock tally rows in the same order
  execute 'insert into enforcement_case_tally as t
      (org_id, region_code, month, category, procedure, is_major, reviewed, penalties, outcome, n, amount)
    select org_id, region_code, enforcement_case_tally_month(decided_on), category, procedure, is_major,
      reviewed, penalties, outcome, sum(d.n), coalesce(sum(d.amount), 0)
    from (' || rows || ') d
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    having sum(d.n) <> 0 or coalesce(sum(d.amount), 0) <> 0
    order by 3, 1, 2, 4, 5, 6, 7, 8, 9
    on conflict (month, org_id, region_code, category, procedure, is_major, reviewed, penalties, outcome)
    do update set n = t.n + excluded.n, amount = t.amount + excluded.amount';
  return null;
end $$;

create trigger enforcement_case_tally_insert after insert on enforcement_case
  referencing new table as new_rows for each statement execute function enforcement_case_tally_write();
create trigger enforcement_case_tally_update after update on enforcement_case
  referencing old table as old_rows new table as new_rows for each statement
  execute function enforcement_case_tally_write();
create trigger enforcement_case_tally_delete after delete on enforcement_case
  referencing old table as old_rows for each statement execute function enforcement_case_tally_write();

select enforcement_case_tally_rebuild();
