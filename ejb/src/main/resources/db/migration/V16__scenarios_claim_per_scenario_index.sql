-- The dispatcher's claim reads due jobs per enabled scenario, earliest due first, through this index, so the due
-- jobs of a paused scenario are never scanned. It used to walk the global due index below and skip them in its join
-- on every pass of every dispatcher. Nothing else reads the global index, so it goes (one index less to maintain on
-- every job change).
create index scenario_jobs_scenario_due_pending_idx on scenario_jobs (scenario_id, due_at)
  where state in ('created', 'scheduled', 'waiting');
drop index scenario_jobs_due_idx;
