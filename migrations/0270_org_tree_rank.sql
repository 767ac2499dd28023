-- Ledgers "in org-tree order" (the officer and body ledgers, the 权责清单 and the other lists, data
-- calls, reports, users, staffing, the 考评 ledger) ordered by `org.path`, which is made of the
-- orgs' ids: sibling units came out in the order of their random UUIDs, different in every
-- database, not in the order the org form's 排序 sets and the org tree shows. `tree_rank` is each
-- org's place in the tree read depth-first, siblings by 排序, then name, then id — the order of the
-- tree on screen — kept by a trigger whenever an org is added, removed, renamed, moved or
-- re-sorted, at the commit of the transaction that changed it (an org tree is hundreds of rows in
-- a county, ~5,000 in a province: one pass).
alter table org add column tree_rank integer not null default 0;

create function org_tree_rank_refresh() returns trigger language plpgsql as $$
begin
  -- deferred to the commit, and once a transaction: by then every org the transaction adds or
  -- changes is in place (an org ledger import of thousands of rows ranks the tree once, not once
  -- a row)
  if current_setting('fazhi.org_tree_ranked', true) = txid_current()::text then
    return null;
  end if;
  perform set_config('fazhi.org_tree_ranked', txid_current()::text, true);
  with recursive sibling as (
    select id, parent_id,
      row_number() over (partition by parent_id order by sort, name, id) as n
    from org
  ), walk as (
    select s.id, array[s.n] as key from sibling s where s.parent_id is null
    union all
    select s.id, w.key || s.n from sibling s join walk w on s.parent_id = w.id
  ), ranked as (
    select id, (row_number() over (order by key))::integer as rank from walk
  )
  update org set tree_rank = r.rank
    from ranked r
   where org.id = r.id and org.tree_rank is distinct from r.rank;
  return null;
end $$;

create constraint trigger org_tree_rank after insert or delete or update of sort, name, parent_id
  on org deferrable initially deferred for each row execute function org_tree_rank_refresh();

-- the orgs there are now
update org set sort = sort where parent_id is null;

-- read in this order by the ledgers' first page (see 0240: an org at a time, its rows through
-- their own org_id index); no ledger orders by path now, so 0240's index goes (one fewer index
-- for the planner to weigh at each of a ledger statement's org scans)
create index org_tree_rank_idx on org (tree_rank);
drop index org_path_order_idx;
