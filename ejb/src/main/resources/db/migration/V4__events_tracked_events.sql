-- Tracked events, append-only. A client id (e.g. a ULID) de-duplicates retries; events without one are not.
create sequence tracked_events_seq increment by 50;
create table tracked_events (
  id          bigint       primary key default nextval('tracked_events_seq'),
  client_id   varchar(100) unique,
  user_id     bigint       not null references users (id) on delete cascade,
  name        varchar(255) not null,
  occurred_at timestamptz  not null,
  received_at timestamptz  not null,
  properties  jsonb        not null default '{}'
);
create index tracked_events_user_name_idx on tracked_events (user_id, name, occurred_at);
