-- The day a 行政执法公示 was withheld (不予公开), so that the 公示 figures read it as it stood: one
-- withheld by its due day (a minor's case, or its decision changed within the time limit) was
-- never due, but one still unpublished past its time limit when a later 变更 / 撤销 withheld it was
-- due — and late — in its own period, and stays so in every later reading of that period's
-- figures (enforcement/cases/metrics.ts).
alter table enforcement_publication add column withheld_on date;

-- rows withheld before this column: when made (no change recorded), on the decision's day;
-- after a 变更 / 撤销, on the day of the case's last such act
update enforcement_publication p
   set withheld_on = coalesce(
         case when p.change_kind is not null then
           (select max(a.occurred_on) from enforcement_case_action a
             where a.case_id = p.case_id and a.action in ('amendDecision', 'revokeDecision'))
         end,
         p.decided_on)
 where p.status = 'withheld';

alter table enforcement_publication add constraint enforcement_publication_withheld_on_check
  check ((status = 'withheld') = (withheld_on is not null));
