-- 文书编号前缀: how an org's documents are numbered (开市监罚〔2026〕12号 → prefix 开市监).
-- It differs between counties, so it is data on the org record, never derived in code from place names.
alter table org add column doc_prefix text check (doc_prefix is null or (length(doc_prefix) between 1 and 20));
