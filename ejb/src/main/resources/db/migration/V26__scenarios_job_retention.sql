-- Issue 18 item 6: finished and failed jobs are purged after waymark.scenarios.keep (P30D). What the per-element
-- statistics need of them survives as one row per element, UTC day of finishing, state and result (positive,
-- negative, the A/B variant index, or '' for none), so the 30-day figures hold with a shorter keep. Grants nothing to
-- the segments sandbox.
create table scenario_job_days (
  element_id bigint      not null references scenario_elements (id) on delete cascade,
  day        date        not null,
  state      varchar(10) not null,
  result     varchar(16) not null,
  jobs       bigint      not null,
  primary key (element_id, day, state, result)
);

-- the purge's claim: the oldest done jobs first
create index scenario_jobs_done_idx on scenario_jobs (finished_at) where state in ('finished', 'failed');
