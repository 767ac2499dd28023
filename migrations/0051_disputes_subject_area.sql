-- 争议领域 of a 复议 case and of a lawsuit (征地拆迁, 公安, 市场监管 …): offices count cases by the
-- field of administration the dispute arises in. Optional: older records and cases whose field
-- nobody recorded stay null and are counted under no field.
alter table disputes_reconsideration add column subject_area text;
alter table disputes_lawsuit add column subject_area text;
create index disputes_reconsideration_area_idx on disputes_reconsideration (subject_area, received_on) where subject_area is not null;
