-- The 版记 of the annual report as a 公文 (GB/T 9704-2012 §7.4.3): the 印发机关 (usually the
-- office of the issuing body, e.g. 某县人民政府办公室) printed at the foot of the last page with
-- the 印发日期. Empty = no 版记 line.
alter table report_issuer add column printed_by text not null default ''
  check (char_length(printed_by) <= 40);
