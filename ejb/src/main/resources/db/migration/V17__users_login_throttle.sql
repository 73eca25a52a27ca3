-- Login throttling (issue 14): sign-in attempts per (account, client network), shared by every server.
-- account_key is the SHA-256 of the normalised email (trimmed, lower case) and is written for unknown emails too, so
-- that the throttle answers the same whether an account exists; the raw text of the email field (sometimes a
-- password typed in the wrong box) is never stored. client_key is the client's IP address (an IPv6 client's /64).
-- An attempt is counted before the password is checked and the row is deleted when the sign-in succeeds, so a
-- row's failures are the failed attempts since the last success within the window (waymark.login.window).
create table login_failures (
  account_key    bytea       not null,
  client_key     varchar(64) not null,
  failures       integer     not null check (failures > 0),
  last_failed_at timestamptz not null,
  -- no attempt of this pair is looked at before this time (= last_failed_at while fewer than the free attempts)
  blocked_until  timestamptz not null,
  primary key (account_key, client_key)
);
-- the purge of rows older than the window (on write, in the order of this index)
create index login_failures_last_failed_idx on login_failures (last_failed_at);
