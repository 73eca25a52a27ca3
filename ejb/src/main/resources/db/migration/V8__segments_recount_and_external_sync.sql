-- Segments: what the recount sweep learnt about a count (slow, failed). A failed count keeps the previous count;
-- the segment is tried again one recalculation period after the failure.
alter table segments
  add column count_slow      boolean     not null default false,
  add column count_error     varchar(1000),
  add column count_failed_at timestamptz;

-- External REMP campaign sync: one row per add-user / remove-user call, written in the transaction of the goal
-- change and delivered by a timer. Per user and segment the oldest pending row goes first (id order).
-- No foreign key to users: a call already decided is still made if the user row goes away.
create table remp_segment_outbox (
  id              bigint generated always as identity primary key,
  user_id         bigint       not null,
  segment_code    varchar(100) not null,
  action          varchar(11)  not null check (action in ('add-user', 'remove-user')),
  status          varchar(9)   not null default 'pending' check (status in ('pending', 'delivered', 'ignored', 'failed')),
  attempts        int          not null default 0,
  created_at      timestamptz  not null,
  next_attempt_at timestamptz  not null,
  finished_at     timestamptz,
  last_error      varchar(1000),
  check ((status = 'pending') = (finished_at is null))
);
-- due rows, in order
create index remp_segment_outbox_due_idx on remp_segment_outbox (next_attempt_at, id) where status = 'pending';
-- "is an older row of this user and segment still pending?"
create index remp_segment_outbox_queue_idx on remp_segment_outbox (user_id, segment_code, id) where status = 'pending';
-- the purge of finished rows and the failed rows shown to operators
create index remp_segment_outbox_finished_idx on remp_segment_outbox (finished_at) where status <> 'pending';
create index remp_segment_outbox_failed_idx on remp_segment_outbox (finished_at) where status = 'failed';
