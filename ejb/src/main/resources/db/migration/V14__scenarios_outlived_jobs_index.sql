-- The dispatcher drops pending jobs of deleted scenarios and jobs created before a scenario's restore on every pass.
-- It used to find them by scanning every pending job (joined to its scenario): with 200,000 waiting jobs that scan
-- cost an idle server a third of a core. The sweep now starts from the few deleted or restored scenarios and reads
-- their jobs by range on this index: (scenario, created_at) of pending jobs, which also serves the old index's uses.
create index scenario_jobs_scenario_created_pending_idx on scenario_jobs (scenario_id, created_at)
  where state in ('created', 'scheduled', 'waiting');
drop index scenario_jobs_scenario_pending_idx;
