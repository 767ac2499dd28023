-- What a case knows only to hide it (RULES.md §2.4, 浙江省行政处罚结果信息网上公开暂行办法 第七条):
-- a natural person's address and the names of other natural persons in the case (证人、被侵害人 …).
-- Publication content is built with both removed; neither is ever shown on the portal or exported.
alter table enforcement_case
  add column party_address text,
  add column private_names text[] not null default '{}';
