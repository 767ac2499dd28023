-- The public site's masthead and footer as this deployment sets them (国办发〔2017〕47号《政府网站发展指引》:
-- 主办单位, 网站标识码, ICP 备案号, 公安机关备案号, 联系方式). One row per deployment, edited in 系统管理.
create table site_setting (
  id text primary key check (id = 'portal'),
  site_name text not null check (char_length(site_name) between 2 and 60),
  sponsor text not null check (char_length(sponsor) between 2 and 60),
  site_code text check (site_code is null or site_code ~ '^[0-9A-Za-z]{4,20}$'),
  icp text check (icp is null or char_length(icp) <= 40),
  police_record text check (police_record is null or char_length(police_record) <= 40),
  contact text check (contact is null or char_length(contact) <= 120),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
