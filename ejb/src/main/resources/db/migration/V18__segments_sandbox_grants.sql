-- Raw-SQL segments run as their own login, waymark_segments (read-only, a statement timeout, no member of the
-- application's role; created by the quick-start launcher, by an operator in production). It may read these
-- columns and nothing else: never password or token hashes, never another feature's internals. Every later
-- migration that adds a table or column segments may read replaces this function with the longer list and calls it
-- (src/docs/architecture.md, "Segments"). The application also calls it at every start, so a role an operator
-- creates after the migrations ran gets its grants with the next start.
create or replace function segments_sandbox_grant() returns boolean
language plpgsql as $$
begin
  if not exists (select 1 from pg_roles where rolname = 'waymark_segments') then
    return false;
  end if;
  grant select (id, uuid, email, public_name, first_name, last_name, active, created_at, confirmed_at, locale,
                timezone)
    on users to waymark_segments;
  grant select (id, code, name, type, event_name, created_at, updated_at) on onboarding_goals to waymark_segments;
  grant select (id, user_id, onboarding_goal_id, created_at, updated_at, completed_at, timedout_at, expires_at)
    on user_onboarding_goals to waymark_segments;
  grant select (id, user_id, name, occurred_at, received_at, properties) on tracked_events to waymark_segments;
  -- the membership check reads the definitions' version in the same statement (ADR 0014)
  grant select (version) on segment_definitions_version to waymark_segments;
  return true;
end $$;

select segments_sandbox_grant();
