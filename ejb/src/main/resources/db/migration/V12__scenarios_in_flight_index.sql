-- The dispatcher counts claimed jobs that have not run yet (its in-flight cap) on every pass: a small index of
-- just those rows, instead of a range over every waiting job's due time.
create index scenario_jobs_scheduled_idx on scenario_jobs (due_at) where state = 'scheduled';
