-- A report version returned by its reviewer stays as it was submitted ('returned'); the drafters
-- continue in a new draft version, so 版本对比 can compare the draft with what was submitted.
alter table annual_report_version drop constraint annual_report_version_status_check;
alter table annual_report_version add constraint annual_report_version_status_check
  check (status in ('draft', 'review', 'approved', 'published', 'returned'));
