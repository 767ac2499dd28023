-- Ledgers listed in the org tree's order (`order by g.path, …`: the officer ledger, the 权责清单)
-- read the orgs from this index in path order and each org's rows through its own org_id index,
-- so page 1 stops after the first few orgs (an incremental sort within each org) instead of
-- sorting every row of the scope. org_path_idx (text_pattern_ops) serves `path like 'x%'` only:
-- its operators are not the ones ORDER BY uses.
create index org_path_order_idx on org (path);
