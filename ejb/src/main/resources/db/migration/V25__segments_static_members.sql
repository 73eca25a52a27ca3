-- Issue 17 item 3: static segments (SPEC §4 kind `static`, CiviCRM's groups): no definition, members listed one by
-- one (the API's POST / DELETE /segments/{code}/members, later rule actions). `kind` says which definition a segment
-- has; a criteria segment may still become an SQL one (and back), a static one is static for life.
alter table segments add column kind varchar(10) not null default 'criteria';
update segments set kind = 'sql' where raw_sql is not null;
alter table segments drop constraint segments_check;
alter table segments add constraint segments_definition check (
  (kind = 'criteria' and criteria is not null and raw_sql is null)
  or (kind = 'sql' and raw_sql is not null and criteria is null)
  or (kind = 'static' and criteria is null and raw_sql is null));

create table segment_members (
  segment_id bigint      not null references segments (id) on delete cascade,
  user_id    bigint      not null references users (id) on delete cascade,
  added_at   timestamptz not null,
  primary key (segment_id, user_id)
);
-- a user's segments (the user page, an erasure)
create index segment_members_user_idx on segment_members (user_id);

-- The sandbox's columns (V18), with what V23-V25 added that a raw-SQL segment may read: custom field values, the
-- points ledger, static members. Still never password or token hashes.
create or replace function segments_sandbox_grant() returns boolean
language plpgsql as $$
begin
  if not exists (select 1 from pg_roles where rolname = 'waymark_segments') then
    return false;
  end if;
  grant select (id, uuid, email, public_name, first_name, last_name, active, created_at, confirmed_at, locale,
                timezone, fields)
    on users to waymark_segments;
  grant select (id, code, name, type, event_name, created_at, updated_at) on onboarding_goals to waymark_segments;
  grant select (id, user_id, onboarding_goal_id, created_at, updated_at, completed_at, timedout_at, expires_at)
    on user_onboarding_goals to waymark_segments;
  grant select (id, user_id, name, occurred_at, received_at, properties) on tracked_events to waymark_segments;
  grant select (id, code, name) on point_groups to waymark_segments;
  grant select (id, user_id, group_id, points, created_at) on user_points to waymark_segments;
  grant select (id, code, kind) on segments to waymark_segments;
  grant select (segment_id, user_id, added_at) on segment_members to waymark_segments;
  -- the membership check reads the definitions' version in the same statement (ADR 0014)
  grant select (version) on segment_definitions_version to waymark_segments;
  return true;
end $$;

select segments_sandbox_grant();
