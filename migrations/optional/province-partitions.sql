-- Province data (issue #17 item 7): the biggest tables partitioned by year, with `region_code`
-- leading every key, so that a province can later shard them by region (Citus: the distribution
-- column in every primary key and unique index).
--
-- Not a migration: `fazhi partition` runs this once, in one transaction, on a database migrated
-- through 0280 (platform/db/partition.ts). Migrations after it run on either layout.
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
-- Tables that reference a case carry the case's region and opened_on beside its id. The
-- partitioned children (acts, 公示; records through their act) have case_opened_on from their
-- writers (0280: it is their partition key, and a BEFORE trigger cannot move a row to another
-- partition) and are checked once a statement (fazhi_reference_check, below). The others
-- (referrals, inspection targets, 复议, 诉讼) get the copies from the case by a BEFORE trigger and
-- reference the composite key with a foreign key. opened_on never changes, so nothing needs
-- ON UPDATE CASCADE (and the append-only acts could not take one).

-- ---------------------------------------------------------------------------------------------
-- The new tables beside the old ones, with the same columns, defaults, generated columns and
-- checks.
alter table enforcement_case rename to enforcement_case_old;
alter table enforcement_case_action rename to enforcement_case_action_old;
alter table enforcement_case_record rename to enforcement_case_record_old;
alter table enforcement_publication rename to enforcement_publication_old;
alter table audit_log rename to audit_log_old;

create table enforcement_case (like enforcement_case_old including defaults including generated
  including constraints including storage) partition by range (opened_on);
create table enforcement_case_action (like enforcement_case_action_old including defaults
  including constraints including storage) partition by range (case_opened_on);
create table enforcement_case_record (like enforcement_case_record_old including defaults
  including constraints including storage) partition by range (case_opened_on);
create table enforcement_publication (like enforcement_publication_old including defaults
  including generated including constraints including storage) partition by range (case_opened_on);
create table audit_log (like audit_log_old including defaults including constraints including storage)
  partition by range (at);

-- partitions for the years the rows hold (at most ten back), this year and the next; from an
-- earlier year when `fazhi partition --from <year>` asks (a province about to import its history)
do $$
declare
  y integer := extract(year from current_date)::integer;
  asked integer := nullif(current_setting('fazhi.partition_from', true), '')::integer;
  first_case integer := least(y, coalesce(asked, y), greatest(y - 10,
    coalesce((select extract(year from min(opened_on))::integer from enforcement_case_old), y)));
  -- (the audit log's entries are written as they happen, history or not)
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
  foreach t in array fazhi_year_partitioned_tables() loop
    select string_agg(quote_ident(attname), ', ' order by attnum) into cols
    from pg_attribute
    where attrelid = (t || '_old')::regclass and attnum > 0 and not attisdropped and attgenerated = '';
    execute format('insert into %I (%s) select %s from %I', t, cols, cols, t || '_old');
  end loop;
end $$;

-- every trigger of the old tables (append-only logs 0096, the 执法决定 tally 0160, and whatever a
-- later migration adds) made again on the new one, enabled as it was
do $$
declare
  r record;
  target text;
begin
  for r in
    select t.tgname, c.relname, pg_get_triggerdef(t.oid) as def, t.tgenabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relname in (select t || '_old' from unnest(fazhi_year_partitioned_tables()) t)
      and c.relnamespace = current_schema()::regnamespace
      and not t.tgisinternal
  loop
    target := left(r.relname, -4);
    execute regexp_replace(r.def, ' ON (\S+\.)?' || r.relname || ' ', ' ON ' || quote_ident(target) || ' ');
    if r.tgenabled = 'A' then
      execute format('alter table %I enable always trigger %I', target, r.tgname);
    elsif r.tgenabled = 'D' then
      execute format('alter table %I disable trigger %I', target, r.tgname);
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
create index enforcement_case_region_search_idx on enforcement_case using gin (region_code, search_bigrams);
create index enforcement_case_revoked_idx on enforcement_case (revoked_on, org_id) where revoked_on is not null;
create index enforcement_case_ledger_idx on enforcement_case ((next_due_on is null), next_due_on, opened_on desc, case_no desc)
  include (region_code, org_id, status, id);
create index enforcement_case_opened_idx on enforcement_case (opened_on desc, case_no desc) include (region_code, org_id);
create index enforcement_case_status_idx on enforcement_case (status, opened_on desc, case_no desc) include (region_code, org_id);
-- the ledger's page for one status: the page is a Merge Append of every year partition in the
-- ledger order, and with the order's index alone each past year (every case closed) walked all
-- its entries to find no 调查取证 case (1,020 ms at 1,000,000 cases). This one seeks the status
-- first in each partition and returns its cases already in the ledger order (store.ts listCases).
create index enforcement_case_status_ledger_idx on enforcement_case
  (status, (next_due_on is null), next_due_on, opened_on desc, case_no desc) include (region_code, org_id, id);
create statistics enforcement_case_org_region (dependencies) on region_code, org_id from enforcement_case;
-- the lookups by number (the import's "is this number taken", a case found by its 文书编号) on
-- every partition: the unique constraint that served them moves to enforcement_case_no (below).
-- Without it the import of 20,000 cases read the 1,000,000-case table twenty times (34 s, not 10)
create index enforcement_case_region_case_no_idx on enforcement_case (region_code, case_no);

alter table enforcement_case_action add constraint enforcement_case_action_pkey primary key (region_code, case_opened_on, id);
alter table enforcement_case_action add constraint enforcement_case_action_case_id_seq_key
  unique (region_code, case_opened_on, case_id, seq);
-- (its reference to the case: a statement-level check, below)
create index enforcement_case_action_case_idx on enforcement_case_action (case_id, seq);
create index enforcement_case_action_leniency_idx on enforcement_case_action ((data ->> 'leniencyItemId'))
  where data ? 'leniencyItemId';
create statistics enforcement_case_action_org_region (dependencies) on region_code, org_id from enforcement_case_action;

alter table enforcement_case_record add constraint enforcement_case_record_pkey primary key (region_code, case_opened_on, id);
-- (the record's case is its act's: 0280)
-- (its reference to the act: a statement-level check, below)
alter table enforcement_case_record add constraint enforcement_case_record_sha256_fkey
  foreign key (sha256) references stored_file(sha256);
create index enforcement_case_record_case_idx on enforcement_case_record (case_id, seq);

alter table enforcement_publication add constraint enforcement_publication_pkey primary key (region_code, case_opened_on, id);
alter table enforcement_publication add constraint enforcement_publication_case_id_key
  unique (region_code, case_opened_on, case_id);
-- (its reference to the case: a statement-level check, below)
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

select fazhi_partition_index_names(t::regclass), fazhi_partition_statistics(t::regclass)
from unnest(fazhi_year_partitioned_tables()) t;

-- ---------------------------------------------------------------------------------------------
-- The references of the bulk children into the partitioned tables, checked once a statement.
-- A foreign key into a partitioned table is checked row by row through the partition routing:
-- on the sixteenth round it made the first embedded demo start 146 s → 396 s, and at a province
-- (eleven partitions a table) an import's COPY 2.9× slower (docs/scale.md). These keep the same
-- guarantee set-wise: after each INSERT one query finds the rows whose case (or act) does not
-- exist and takes FOR KEY SHARE on the ones that do, as a foreign key's
-- check does, so a concurrent delete waits; the case side refuses a delete or a key change while
-- acts or 公示 name the case (acts are append-only: 0096). The error is a foreign key's (23503,
-- its constraint named as before). Like a foreign key they do not fire under
-- session_replication_role = replica. TG_ARGV: the reference's name, the referenced table (read
-- by the backup's table order: platform/backup/backup.ts), its key, the referencing columns.
create function fazhi_reference_check() returns trigger language plpgsql as $$
declare
  wanted bigint;
  found bigint;
begin
  execute format('select count(*) from (select distinct %s from new_rows) k', tg_argv[3]) into wanted;
  execute format('select count(*) from (select 1 from %I p where (%s) in (select %s from new_rows)
    for key share of p) k', tg_argv[1], tg_argv[2], tg_argv[3]) into found;
  if found < wanted then
    raise exception 'insert or update on table "%" violates foreign key constraint "%"', tg_table_name, tg_argv[0]
      using errcode = 'foreign_key_violation', constraint = tg_argv[0], table = tg_table_name,
        detail = format('Key (%s) is not present in table "%s".', tg_argv[3], tg_argv[1]);
  end if;
  return null;
end $$;

-- A 公示's or record's case key never changes (the case's does not): refused before the row moves
-- (a BEFORE row trigger, because an UPDATE that moves a row to another year's partition fires
-- neither statement-level INSERT nor row-level AFTER UPDATE triggers). Status updates of 公示,
-- which keep the key, pass the WHEN clause without calling anything. (Acts are append-only.)
create function fazhi_reference_key_fixed() returns trigger language plpgsql as $$
begin
  raise exception 'insert or update on table "%" violates foreign key constraint "%"', tg_table_name, tg_argv[0]
    using errcode = 'foreign_key_violation', constraint = tg_argv[0], table = tg_table_name,
      detail = 'The case key of a row that references a case does not change.';
end $$;

-- (table, the reference's name, the referenced table, its key, the referencing columns, whether
-- the key is guarded against updates)
do $$
declare
  r record;
begin
  for r in select * from (values
      ('enforcement_case_action', 'enforcement_case_action_case_id_fkey', 'enforcement_case',
        'region_code, opened_on, id', 'region_code, case_opened_on, case_id', false),
      ('enforcement_publication', 'enforcement_publication_case_id_fkey', 'enforcement_case',
        'region_code, opened_on, id', 'region_code, case_opened_on, case_id', true),
      ('enforcement_case_record', 'enforcement_case_record_case_id_seq_fkey', 'enforcement_case_action',
        'region_code, case_opened_on, case_id, seq', 'region_code, case_opened_on, case_id, seq', true))
    as t(tab, name, parent, parent_key, child_key, guarded)
  loop
    execute format('create trigger %I after insert on %I referencing new table as new_rows
      for each statement execute function fazhi_reference_check(%L, %L, %L, %L)',
      r.name, r.tab, r.name, r.parent, r.parent_key, r.child_key);
    continue when not r.guarded;
    execute format('create trigger %I before update on %I for each row when ((%s) is distinct from (%s))
      execute function fazhi_reference_key_fixed(%L, %L)', r.name || '_update', r.tab,
      regexp_replace(r.child_key, '(\w+)', 'old.\1', 'g'), regexp_replace(r.child_key, '(\w+)', 'new.\1', 'g'),
      r.name, r.parent);
  end loop;
end $$;

-- the case side: no delete, and no change of (region_code, opened_on, id), while acts or 公示 name it
create function fazhi_case_referenced() returns trigger language plpgsql as $$
declare
  child text;
begin
  if exists (select 1 from enforcement_case_action a
      where a.region_code = old.region_code and a.case_opened_on = old.opened_on and a.case_id = old.id) then
    child := 'enforcement_case_action';
  elsif exists (select 1 from enforcement_publication p
      where p.region_code = old.region_code and p.case_opened_on = old.opened_on and p.case_id = old.id) then
    child := 'enforcement_publication';
  end if;
  if child is not null then
    raise exception 'update or delete on table "enforcement_case" violates foreign key constraint "%_case_id_fkey" on table "%"',
      child, child
      using errcode = 'foreign_key_violation', constraint = child || '_case_id_fkey', table = child;
  end if;
  return null;
end $$;
create trigger enforcement_case_referenced_delete after delete on enforcement_case
  for each row execute function fazhi_case_referenced();
create trigger enforcement_case_referenced_update after update on enforcement_case
  for each row when ((old.region_code, old.opened_on, old.id) is distinct from (new.region_code, new.opened_on, new.id))
  execute function fazhi_case_referenced();

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

-- ---------------------------------------------------------------------------------------------
-- Statistics for the moved rows: until these ran, every ledger request on the province bench
-- took 400-1,250 ms on the planner's guesses. ANALYZE of a partitioned table samples it as a whole
-- (the parent's statistics, which autovacuum never gathers: job analyzeYearPartitioned) and
-- analyzes each partition.
analyze enforcement_case, enforcement_case_action, enforcement_case_record, enforcement_publication, audit_log,
  enforcement_case_no, enforcement_referral, inspection_target, disputes_reconsideration, disputes_lawsuit;
