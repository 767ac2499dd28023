-- Province data (issue #17 item 7), the part every database takes: the case's 立案日期 copied onto
-- the case's acts, 全过程记录 and 公示 (case_opened_on), and the functions that make and name year
-- partitions. opened_on never changes once a case is filed, so the copy never goes stale; the
-- writers (cases/write.ts, cases/act-service.ts, the import's COPY) supply it.
--
-- The partitioned layout itself (the large tables partitioned by year, region_code leading every
-- key) is `fazhi partition`, a step a province's PostgreSQL takes once
-- (migrations/optional/province-partitions.sql). A county's embedded database does not take it:
-- measured on the sixteenth round, the per-row reference checks into partitioned tables made the
-- first demo start 146 s → 396 s and gave a county of 10,000 cases a year nothing back.

alter table enforcement_case_action add column case_opened_on date;
alter table enforcement_case_record add column case_opened_on date;
alter table enforcement_publication add column case_opened_on date;
-- the acts are append-only (0096): the one backfill is the migration's
alter table enforcement_case_action disable trigger enforcement_case_action_append_only;
update enforcement_case_action x set case_opened_on = c.opened_on from enforcement_case c where c.id = x.case_id;
alter table enforcement_case_action enable trigger enforcement_case_action_append_only;
update enforcement_case_record x set case_opened_on = c.opened_on from enforcement_case c where c.id = x.case_id;
update enforcement_publication x set case_opened_on = c.opened_on from enforcement_case c where c.id = x.case_id;
alter table enforcement_case_action alter column case_opened_on set not null;
alter table enforcement_case_record alter column case_opened_on set not null;
alter table enforcement_publication alter column case_opened_on set not null;

-- A 全过程记录 belongs to an act, (case_id, seq) → enforcement_case_action (0014), and the act to the
-- case: its own reference to the case checked nothing more, once per record row (the demo writes
-- ~96,000). Into a partitioned case table that check costs the most (docs/scale.md).
alter table enforcement_case_record drop constraint enforcement_case_record_case_id_fkey;

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

-- The parent's extended statistics (0220: org → region) on each partition that lacks them, named
-- `<statistics>_y2026` / `<statistics>_default`. The planner estimates a partitioned table as the
-- sum of its partitions' estimates, each from the partition's own statistics: without these a
-- county's rows (region and org, which is in one region) were estimated as if independent, and
-- its "约 N 条" fell to 167 for 10,200 cases.
create function fazhi_partition_statistics(parent regclass) returns void language plpgsql as $$
declare
  r record;
begin
  for r in
    select s.stxname || '_' || substr(c.relname, length(pc.relname) + 2) as wanted, c.relname as part,
      c.relnamespace,
      (select string_agg(k.kind, ', ' order by k.kind) from unnest(s.stxkind) x
        join (values ('d', 'ndistinct'), ('f', 'dependencies'), ('m', 'mcv')) k(code, kind) on k.code = x::text) as kinds,
      (select string_agg(quote_ident(a.attname), ', ' order by k.n)
        from unnest(s.stxkeys::int2[]) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = s.stxrelid and a.attnum = k.attnum) as cols
    from pg_statistic_ext s
    join pg_class pc on pc.oid = s.stxrelid
    join pg_inherits i on i.inhparent = s.stxrelid
    join pg_class c on c.oid = i.inhrelid
    where s.stxrelid = parent and s.stxexprs is null
  loop
    continue when exists (select 1 from pg_statistic_ext e
      where e.stxname = r.wanted and e.stxnamespace = r.relnamespace);
    execute format('create statistics %I (%s) on %s from %I', r.wanted, r.kinds, r.cols, r.part);
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
    -- a new partition has no statistics until autovacuum's first pass: the planner would guess
    execute format('analyze %I', rel || '_y' || y);
    created := created + 1;
  end loop;
  perform fazhi_partition_index_names(parent);
  perform fazhi_partition_statistics(parent);
  return created;
end $$;

-- The large tables' partitions through next year: run by every `fazhi migrate` (and so at every
-- server start) and by the daily maintenance job, so that next year's partition exists a year
-- ahead. Tables that are not partitioned are skipped.
-- The tables `fazhi partition` partitions by year (platform/db/partition.ts names them too).
create function fazhi_year_partitioned_tables() returns text[] language sql immutable as $$
  select array['enforcement_case', 'enforcement_case_action', 'enforcement_case_record',
    'enforcement_publication', 'audit_log']
$$;

create function fazhi_year_partitions_ahead() returns integer language plpgsql as $$
declare
  y integer := extract(year from current_date)::integer;
  t text;
  n integer := 0;
begin
  foreach t in array fazhi_year_partitioned_tables() loop
    -- a database that has not taken `fazhi partition` has none: nothing to do
    continue when not exists (select 1 from pg_partitioned_table where partrelid = to_regclass(t));
    n := n + fazhi_year_partitions(t::regclass, y, y + 1);
  end loop;
  return n;
end $$;

