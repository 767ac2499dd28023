-- Figures in one pass (issue 17): the scan of 执法决定被撤销 reads the cases revoked in a period.
-- Few cases are ever revoked, so a partial index keeps it to those rows instead of the whole
-- ledger (a sequential scan of a million cases took ~400 ms).
create index if not exists enforcement_case_revoked_idx
  on enforcement_case (revoked_on, org_id) where revoked_on is not null;
