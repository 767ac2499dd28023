-- What a signed-in identity is made of changes rarely (a user's org, name or 停用, a role's
-- permissions or data scope, a user's roles, the org tree). One counter moves with every such
-- change, so an app instance may keep an identity it resolved and check, in the same round trip
-- as the request's first read, that its session still stands and nothing under it has changed
-- (platform/db/read-guard.ts). The counter moves in the writer's own transaction: an identity
-- read with the old value is refused from the moment the change commits.
create table auth_epoch (
  id boolean primary key default true check (id),
  value bigint not null
);
insert into auth_epoch (id, value) values (true, 0);

create function auth_epoch_bump() returns trigger language plpgsql as $$
begin
  update auth_epoch set value = value + 1 where id;
  return null;
end $$;

create trigger app_user_auth_epoch after insert or delete or update of
  username, display_name, org_id, region_code, active, password_hash
  on app_user for each statement execute function auth_epoch_bump();
create trigger role_auth_epoch after insert or update or delete on role
  for each statement execute function auth_epoch_bump();
create trigger user_role_auth_epoch after insert or update or delete on user_role
  for each statement execute function auth_epoch_bump();
create trigger org_auth_epoch after insert or delete or update of
  name, parent_id, path, depth, region_code, active
  on org for each statement execute function auth_epoch_bump();

-- The read guard's check: true while the session stands and the counter is the one the identity
-- was read with; otherwise an error (SQLSTATE FZ401), so that PostgreSQL skips the statement sent
-- behind it in the same pipeline and nothing runs under an identity that no longer stands.
create function auth_guard(p_token_hash text, p_at timestamptz, p_epoch bigint) returns boolean
language plpgsql stable as $$
begin
  if exists (select 1 from session where token_hash = p_token_hash and expires_at > p_at)
     and (select value from auth_epoch) = p_epoch then
    return true;
  end if;
  raise exception '登录信息已变更' using errcode = 'FZ401';
end $$;
