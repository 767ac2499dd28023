-- Action logs and the audit log are append-only: a case's status is derived from its log, and the
-- audit chain proves who did what, so neither may be edited or deleted by any code path — the
-- database refuses it (backup restore replaces whole tables with TRUNCATE, which this does not stop).
create function fazhi_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% 为只增记录,不得修改或删除', tg_table_name using errcode = 'restrict_violation';
end $$;

create trigger enforcement_case_action_append_only before update or delete on enforcement_case_action
  for each row execute function fazhi_append_only();
create trigger enforcement_referral_action_append_only before update or delete on enforcement_referral_action
  for each row execute function fazhi_append_only();
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function fazhi_append_only();
