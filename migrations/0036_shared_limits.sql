-- Limits every app instance shares (issue #17 "stateless app instances", issue #10 D1):
-- attempt counters for login and password change, known login addresses, and the request
-- counters of the HTTP rate limits. With REDIS_URL set, Redis holds them instead.

-- key: 'acct:<username>', 'pair:<username>|<address>', 'addr:<address>', 'pw:<user id>', or a
-- remembered 'known:<username>|<address>'; attempt_id tells an upsert whether it counted.
create table auth_throttle (
  key text primary key,
  failures integer not null default 0,
  blocked_until timestamptz,
  attempt_id text,
  expires_at timestamptz not null
);
create index auth_throttle_expires_idx on auth_throttle (expires_at);

create table rate_limit (
  key text primary key,
  hits integer not null,
  reset_at timestamptz not null
);
