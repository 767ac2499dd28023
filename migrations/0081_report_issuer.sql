-- How an org issues its annual report as a 公文 (GB/T 9704-2012): the 发文机关标志 (红头) — one
-- name, or the names of a joint issue (党委 and 政府) — the 机关代字 and number of its 文号
-- (代字〔年份〕序号号), the 主送机关 and the 署名. Differs per org and per county, so it is data
-- the office edits, never derived in code.
create table report_issuer (
  org_id uuid primary key references org(id),
  region_code text not null references region(code),
  header_names text[] not null check (cardinality(header_names) between 1 and 3),
  header_suffix text not null default '文件' check (char_length(header_suffix) <= 10),
  doc_code text not null default '' check (char_length(doc_code) <= 20),
  doc_number integer check (doc_number is null or doc_number between 1 and 9999),
  addressees text not null default '' check (char_length(addressees) <= 200),
  signers text[] not null default '{}' check (cardinality(signers) <= 3),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
