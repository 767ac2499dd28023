-- Province data (issue #17 item 7): the biggest tables partitioned by year, with `region_code`
-- leading every key, so that a province can later shard them by region (Citus: the distribution
-- column in every primary key and unique index).
--
-- enforcement_case           range on opened_on (立案日期, set once: the projection never changes it)
-- enforcement_case_action    range on case_opened_on (the case's opened_on, copied: a case's acts,
-- enforcement_case_record      records and publication live in the case's year partition)
-- enforcement_publication
-- audit_log                  range on `at`; keyed (seq, at): its region_code is null for the
--                            entries no region owns (logins, site settings), and the hash chain is
--                            one sequence across regions, so it is not a region-distributed table
--
-- A partitioned unique index must contain the partition key, so `unique (region_code, case_no)`
-- cannot stay on enforcement_case: case numbers are kept unique per region by the small table
-- enforcement_case_no (region_code, case_no), written by a statement trigger on every insert,
-- update and delete of a case (also when session_replication_role is replica: bulk loads).
-- Its key keeps the old constraint's name, so a duplicate number fails as it did.
--
-- Tables that reference a case carry the case's region and opened_on beside its id and reference
-- the composite key. In the partitioned children the writer supplies case_opened_on (it is their
-- partition key: a BEFORE trigger cannot move a row to another partition); in the others
-- (referrals, inspection targets, 复议, 诉讼) a BEFORE trigger copies them from the case.
-- opened_on never changes, so the references need no ON UPDATE CASCADE (and the append-only
-- acts could not take one).

-- ---------------------------------------------------------------------------------------------
-- Year partitions: one per year plus a default partition for rows outside them.
create function fazhi_year_bound(key_type regtype, y integer) returns text
language sql immutable as $$
  select case when key_type = 'date'::regtype then quote_literal(make_date(y, 1, 1)::text)
    -- the platform's time zone (UTC+8): an entry belongs to the year of its local date
    else quote_literal(make_date(y, 1, 1)::text || ' 00:00:00+08') end
$$;

-- A partition's indexes are named after its parent's index and the partition (`<index>_y2026`,
-- `<index>_default`), so that a plan names the index it uses as before.
create function fazhi_partition_index_names(parent regclass) returns void language plpgsql as $$
declare
  r record;
begin
  for r in
    select ci.relname as child_index, pi.relname || '_' || substr(cc.relname, length(pc.relname) + 2) as wanted
    from pg_index px
    join pg_class pi on pi.oid = px.indexrelid
    join pg_class pc on pc.oid = px.indrelid
    join pg_inherits ii on ii.inhparent = px.indexrelid
    join pg_class ci on ci.oid = ii.inhrelid
    join pg_index x on x.indexrelid = ci.oid
    join pg_class cc on cc.oid = x.indrelid
    where px.indrelid = parent
  loop
    if r.child_index <> r.wanted then
      execute format('alter index %I rename to %I', r.child_index, r.wanted);
    end if;
  end loop;
end $$;

-- Creates `<parent>_y<year>` for each year from first_year to last_year that has none yet.
-- A year whose rows already sit in the default partition is left there (PostgreSQL refuses a
-- partition whose rows are in the default one; moving them is a manual step): returns how
-- many partitions it created.
create function fazhi_year_partitions(parent regclass, first_year integer, last_year integer)
returns integer language plpgsql as $$
declare
  key_col text;
  key_type regtype;
  rel text := (select relname from pg_class where oid = parent);
  def text := rel || '_default';
  created integer := 0;
  lo text;
  hi text;
  held boolean;
begin
  select a.attname, a.atttypid::regtype into key_col, key_type
  from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
  where p.partrelid = parent;
  if key_col is null then
    raise exception '% is not partitioned', parent;
  end if;
  if to_regclass(quote_ident(def)) is null then
    execute format('create table %I partition of %s default', def, parent);
  end if;
  for y in first_year..last_year loop
    continue when to_regclass(quote_ident(rel || '_y' || y)) is not null;
    lo := fazhi_year_bound(key_type, y);
    hi := fazhi_year_bound(key_type, y + 1);
    execute format('select exists (select 1 from %I where %I >= %s and %I < %s)', def, key_col, lo, key_col, hi)
      into held;
    if held then
      raise notice '% 年的数据已在 % 中,未建分区', y, def;
      continue;
    end if;
    execute format('create table %I partition of %s for values from (%s) to (%s)',
      rel || '_y' || y, parent, lo, hi);
    created := created + 1;
  end loop;
  perform fazhi_partition_index_names(parent);
  return created;
end $$;

-- The large tables' partitions through next year: run by every `fazhi migrate` (and so at every
-- server start), so that next year's partition exists a year ahead.
create function fazhi_year_partitions_ahead() returns integer language plpgsql as $$
declare
  y integer := extract(year from current_date)::integer;
  t text;
  n integer := 0;
begin
  foreach t in array array['enforcement_case', 'enforcement_case_action', 'enforcement_case_record',
    'enforcement_publication', 'audit_log'] loop
    n := n + fazhi_year_partitions(t::regclass, y, y + 1);
  end loop;
  return n;
end $$;

-- ---------------------------------------------------------------------------------------------
-- The new tables beside the old ones, with the same columns, defaults, generated columns and
-- checks; the copies of the case's key at the end of the children.
alter table enforcement_case rename to enforcement_case_old;
alter table enforcement_case_action rename to enforcement_case_action_old;
alter table enforcement_case_record rename to enforcement_case_record_old;
alter table enforcement_publication rename to enforcement_publication_old;
alter table audit_log rename to audit_log_old;

create table enforcement_case (like enforcement_case_old including defaults including generated
  including constraints including storage) partition by range (opened_on);
create table enforcement_case_action (like enforcement_case_action_old including defaults
  including constraints including storage, case_opened_on date not null) partition by range (case_opened_on);
create table enforcement_case_record (like enforcement_case_record_old including defaults
  including constraints including storage, case_opened_on date not null) partition by range (case_opened_on);
create table enforcement_publication (like enforcement_publication_old including defaults
  including generated including constraints including storage, case_opened_on date not null)
  partition by range (case_opened_on);
create table audit_log (like audit_log_old including defaults including constraints including storage)
  partition by range (at);

-- partitions for the years the rows hold (at most ten back), this year and the next
do $$
declare
  y integer := extract(year from current_date)::integer;
  first_case integer := least(y, greatest(y - 10,
    coalesce((select extract(year from min(opened_on))::integer from enforcement_case_old), y)));
  first_audit integer := least(y, greatest(y - 10,
    coalesce((select extract(year from min(at at time zone interval '+08:00'))::integer from audit_log_old), y)));
begin
  perform fazhi_year_partitions('enforcement_case', first_case, y + 1);
  perform fazhi_year_partitions('enforcement_case_action', first_case, y + 1);
  perform fazhi_year_partitions('enforcement_case_record', first_case, y + 1);
  perform fazhi_year_partitions('enforcement_publication', first_case, y + 1);
  perform fazhi_year_partitions('audit_log', first_audit, y + 1);
end $$;

-- the rows, moved (every stored column but the generated ones, which are computed again)
do $$
declare
  t text;
  cols text;
begin
  foreach t in array array['enforcement_case', 'enforcement_case_action', 'enforcement_case_record',
    'enforcement_publication', 'audit_log'] loop
    select string_agg(quote_ident(attname), ', ' order by attnum) into cols
    from pg_attribute
    where attrelid = (t || '_old')::regclass and attnum > 0 and not attisdropped and attgenerated = '';
    if t in ('enforcement_case', 'audit_log') then
      execute format('insert into %I (%s) select %s from %I', t, cols, cols, t || '_old');
    else
      execute format('insert into %I (%s, case_opened_on) select %s, c.opened_on from %I x
        join enforcement_case_old c on c.id = x.case_id',
        t, cols, (select string_agg('x.' || s, ', ') from unnest(string_to_array(cols, ', ')) s), t || '_old');
    end if;
  end loop;
end $$;

-- the old tables go with their indexes, triggers, statistics and the references to them
alter table enforcement_referral drop constraint enforcement_referral_case_id_fkey;
alter table inspection_target drop constraint inspection_target_case_id_fkey;
alter table disputes_reconsideration drop constraint disputes_reconsideration_enforcement_case_id_fkey;
alter table disputes_lawsuit drop constraint disputes_lawsuit_enforcement_case_id_fkey;
drop table enforcement_case_record_old;
drop table enforcement_publication_old;
drop table enforcement_case_action_old;
drop table enforcement_case_old;
drop table audit_log_old;

-- ---------------------------------------------------------------------------------------------
-- Keys, references, indexes (partitioned: created on the parent, built on every partition)
alter table enforcement_case add constraint enforcement_case_pkey primary key (region_code, opened_on, id);
alter table enforcement_case add constraint enforcement_case_region_code_fkey foreign key (region_code) references region(code);
alter table enforcement_case add constraint enforcement_case_org_id_fkey foreign key (org_id) references org(id);
alter table enforcement_case add constraint enforcement_case_body_id_fkey foreign key (body_id) references enforcement_body(id);
alter table enforcement_case add constraint enforcement_case_power_item_id_fkey foreign key (power_item_id) references power_item(id);
create index enforcement_case_id_idx on enforcement_case (id);
create index enforcement_case_org_idx on enforcement_case (org_id, opened_on desc);
create index enforcement_case_due_idx on enforcement_case (region_code, next_due_on) where next_due_on is not null;
create index enforcement_case_decided_idx on enforcement_case (decided_on, org_id, category) include (status, amount);
create index enforcement_case_party_idx on enforcement_case using gin (party_name gin_trgm_ops);
create index enforcement_case_category_idx on enforcement_case (region_code, category, opened_on desc);
create index enforcement_case_search_trgm_idx on enforcement_case using gin (search_text gin_trgm_ops);
create index enforcement_case_search_bigram_idx on enforcement_case using gin (search_bigrams);
create index enforcement_case_revoked_idx on enforcement_case (revoked_on, org_id) where revoked_on is not null;
create index enforcement_case_ledger_idx on enforcement_case ((next_due_on is null), next_due_on, opened_on desc, case_no desc)
  include (region_code, org_id, status, id);
create index enforcement_case_opened_idx on enforcement_case (opened_on desc, case_no desc) include (region_code, org_id);
create index enforcement_case_status_idx on enforcement_case (status, opened_on desc, case_no desc) include (region_code, org_id);
create statistics enforcement_case_org_region (dependencies) on region_code, org_id from enforcement_case;

alter table enforcement_case_action add constraint enforcement_case_action_pkey primary key (region_code, case_opened_on, id);
alter table enforcement_case_action add constraint enforcement_case_action_case_id_seq_key
  unique (region_code, case_opened_on, case_id, seq);
alter table enforcement_case_action add constraint enforcement_case_action_case_id_fkey
  foreign key (region_code, case_opened_on, case_id) references enforcement_case (region_code, opened_on, id);
create index enforcement_case_action_case_idx on enforcement_case_action (case_id, seq);
create index enforcement_case_action_leniency_idx on enforcement_case_action ((data ->> 'leniencyItemId'))
  where data ? 'leniencyItemId';
create statistics enforcement_case_action_org_region (dependencies) on region_code, org_id from enforcement_case_action;
create trigger enforcement_case_action_append_only before update or delete on enforcement_case_action
  for each row execute function fazhi_append_only();

alter table enforcement_case_record add constraint enforcement_case_record_pkey primary key (region_code, case_opened_on, id);
alter table enforcement_case_record add constraint enforcement_case_record_case_id_fkey
  foreign key (region_code, case_opened_on, case_id) references enforcement_case (region_code, opened_on, id);
alter table enforcement_case_record add constraint enforcement_case_record_case_id_seq_fkey
  foreign key (region_code, case_opened_on, case_id, seq)
  references enforcement_case_action (region_code, case_opened_on, case_id, seq);
alter table enforcement_case_record add constraint enforcement_case_record_sha256_fkey
  foreign key (sha256) references stored_file(sha256);
create index enforcement_case_record_case_idx on enforcement_case_record (case_id, seq);

alter table enforcement_publication add constraint enforcement_publication_pkey primary key (region_code, case_opened_on, id);
alter table enforcement_publication add constraint enforcement_publication_case_id_key
  unique (region_code, case_opened_on, case_id);
alter table enforcement_publication add constraint enforcement_publication_case_id_fkey
  foreign key (region_code, case_opened_on, case_id) references enforcement_case (region_code, opened_on, id);
alter table enforcement_publication add constraint enforcement_publication_org_id_fkey foreign key (org_id) references org(id);
alter table enforcement_publication add constraint enforcement_publication_region_code_fkey
  foreign key (region_code) references region(code);
create index enforcement_publication_id_idx on enforcement_publication (id);
create index enforcement_publication_case_idx on enforcement_publication (case_id);
create index enforcement_publication_due_idx on enforcement_publication (region_code, status, due_on);
create index enforcement_publication_trgm_idx on enforcement_publication using gin (search_text gin_trgm_ops);
create index enforcement_publication_bigram_idx on enforcement_publication using gin (search_bigrams);
create index enforcement_publication_portal_idx on enforcement_publication (published_on desc, id) where status = 'published';
create index enforcement_publication_withdraw_idx on enforcement_publication (region_code, withdraw_due_on)
  where withdraw_due_on is not null and status = 'published';
create statistics enforcement_publication_org_region (dependencies) on region_code, org_id from enforcement_publication;

alter table audit_log add constraint audit_log_pkey primary key (seq, at);
create index audit_at_idx on audit_log (at);
create index audit_entity_idx on audit_log (entity, entity_id);
create statistics audit_log_org_region (dependencies) on org_id, region_code from audit_log;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function fazhi_append_only();

select fazhi_partition_index_names(t::regclass) from unnest(array['enforcement_case', 'enforcement_case_action',
  'enforcement_case_record', 'enforcement_publication', 'audit_log']) t;

-- the 执法决定 tally (0160) follows the new table
create trigger enforcement_case_tally_insert after insert on enforcement_case
  referencing new table as new_rows for each statement execute function enforcement_case_tally_write();
create trigger enforcement_case_tally_update after update on enforcement_case
  referencing old table as old_rows new table as new_rows for each statement
  execute function enforcement_case_tally_write();
create trigger enforcement_case_tally_delete after delete on enforcement_case
  referencing old table as old_rows for each statement execute function enforcement_case_tally_write();

-- ---------------------------------------------------------------------------------------------
-- 案件编号 unique per region
create table enforcement_case_no (
  region_code text not null,
  case_no text not null,
  case_id uuid not null,
  constraint enforcement_case_region_code_case_no_key primary key (region_code, case_no)
);
comment on table enforcement_case_no is 'derived: the case numbers of enforcement_case, one per region, kept by triggers';
insert into enforcement_case_no (region_code, case_no, case_id) select region_code, case_no, id from enforcement_case;

create function enforcement_case_no_write() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    -- most updates (every act) keep the number: only the changed ones move
    delete from enforcement_case_no n using old_rows o, new_rows w
    where w.id = o.id and (w.region_code, w.case_no) is distinct from (o.region_code, o.case_no)
      and n.region_code = o.region_code and n.case_no = o.case_no and n.case_id = o.id;
    insert into enforcement_case_no (region_code, case_no, case_id)
    select w.region_code, w.case_no, w.id from new_rows w join old_rows o on o.id = w.id
    where (w.region_code, w.case_no) is distinct from (o.region_code, o.case_no);
  elsif tg_op = 'DELETE' then
    delete from enforcement_case_no n using old_rows o
    where n.region_code = o.region_code and n.case_no = o.case_no and n.case_id = o.id;
  else
    insert into enforcement_case_no (region_code, case_no, case_id) select region_code, case_no, id from new_rows;
  end if;
  return null;
end $$;
create trigger enforcement_case_no_insert after insert on enforcement_case
  referencing new table as new_rows for each statement execute function enforcement_case_no_write();
create trigger enforcement_case_no_update after update on enforcement_case
  referencing old table as old_rows new table as new_rows for each statement execute function enforcement_case_no_write();
create trigger enforcement_case_no_delete after delete on enforcement_case
  referencing old table as old_rows for each statement execute function enforcement_case_no_write();
alter table enforcement_case enable always trigger enforcement_case_no_insert;
alter table enforcement_case enable always trigger enforcement_case_no_update;
alter table enforcement_case enable always trigger enforcement_case_no_delete;

-- ---------------------------------------------------------------------------------------------
-- The other tables that reference a case: the case's key copied beside its id by a trigger.
-- TG_ARGV: the id column, then the prefix of the two copies.
create function fazhi_case_key_copy() returns trigger language plpgsql as $$
declare
  case_id uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  region text;
  opened date;
begin
  if case_id is not null then
    select c.region_code, c.opened_on into region, opened from enforcement_case c where c.id = case_id;
  end if;
  -- a case id with no case leaves the copies null: the MATCH FULL reference refuses the row
  return jsonb_populate_record(new, jsonb_build_object(tg_argv[1] || 'region_code', region, tg_argv[1] || 'opened_on', opened));
end $$;

-- (table, its case id column, the prefix of the copies; the reference keeps the old name)
do $$
declare
  r record;
begin
  for r in select * from (values
      ('enforcement_referral', 'case_id', 'case_', 'enforcement_referral_case_id_fkey'),
      ('inspection_target', 'case_id', 'case_', 'inspection_target_case_id_fkey'),
      ('disputes_reconsideration', 'enforcement_case_id', 'enforcement_case_',
        'disputes_reconsideration_enforcement_case_id_fkey'),
      ('disputes_lawsuit', 'enforcement_case_id', 'enforcement_case_', 'disputes_lawsuit_enforcement_case_id_fkey'))
    as t(tab, id_col, prefix, fk)
  loop
    execute format('alter table %I add column %I text, add column %I date', r.tab, r.prefix || 'region_code',
      r.prefix || 'opened_on');
    execute format('update %I x set %I = c.region_code, %I = c.opened_on from enforcement_case c where c.id = x.%I',
      r.tab, r.prefix || 'region_code', r.prefix || 'opened_on', r.id_col);
    execute format('alter table %I add constraint %I foreign key (%I, %I, %I)
      references enforcement_case (region_code, opened_on, id) match full',
      r.tab, r.fk, r.prefix || 'region_code', r.prefix || 'opened_on', r.id_col);
    execute format('create trigger %I before insert or update of %I on %I
      for each row execute function fazhi_case_key_copy(%L, %L)', r.tab || '_case_key', r.id_col, r.tab, r.id_col, r.prefix);
  end loop;
end $$;
