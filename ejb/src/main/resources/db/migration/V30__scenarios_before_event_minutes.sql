-- Issue 18 (review of V28/V29): a before-event row keeps the trigger's minutes it was made for, so that a fill re-arms
-- a pending row only when the minutes changed (its due_at is also the lease's end while claimed, and the backoff's
-- while retried: comparing it reset both); and the rows of a user are found by user (deleting a user). Grants nothing
-- to the segments sandbox.
alter table scenario_before_events add column minutes integer;
update scenario_before_events set minutes = (extract(epoch from event_at - due_at) / 60)::integer where state = 'pending';
create index scenario_before_events_user_idx on scenario_before_events (user_id);
create index segment_rechecks_user_idx on segment_rechecks (user_id);
