-- Email templates (SPEC §6): Pebble sources for the subject, the HTML and the text part. The code never changes.
create table email_templates (
  id         bigint generated always as identity primary key,
  code       varchar(64)   not null unique,
  name       varchar(200)  not null,
  subject    varchar(2000) not null,
  html_body  text          not null,
  text_body  text          not null,
  created_at timestamptz   not null,
  updated_at timestamptz   not null
);

-- The mail outbox: one row per message, rendered when queued (in the caller's transaction) and sent by a timer
-- with retries. unique_key makes queueing idempotent (insert ... on conflict (unique_key) do nothing); a null key
-- never conflicts. No foreign keys: a message already decided is still sent if its template or user goes away.
create table mail_outbox (
  id              bigint generated always as identity primary key,
  unique_key      varchar(500)  unique,
  template_code   varchar(64),
  user_id         bigint,
  recipient       varchar(320)  not null,
  subject         varchar(2000) not null,
  html_body       text          not null,
  text_body       text          not null,
  status          varchar(7)    not null default 'pending' check (status in ('pending', 'sent', 'stored', 'failed')),
  attempts        int           not null default 0,
  created_at      timestamptz   not null,
  next_attempt_at timestamptz   not null,
  finished_at     timestamptz,
  last_error      varchar(1000),
  check ((status = 'pending') = (finished_at is null))
);
-- due rows, in order
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'pending';
-- the purge of finished rows
create index mail_outbox_finished_idx on mail_outbox (finished_at) where status <> 'pending';
