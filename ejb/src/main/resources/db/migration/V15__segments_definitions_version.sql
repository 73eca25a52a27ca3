-- A counter of segment definition changes, kept by the database itself. The membership check caches each segment's
-- compiled SQL (which inlines the criteria of the segments it refers to) and runs it in one statement that also reads
-- this counter: an unchanged counter proves the cached SQL is still the segment's definition (ADR 0014).
-- The counter only grows and is bumped in the changing transaction, so no change can be missed, whatever its order of
-- commit and whatever server makes it.
create table segment_definitions_version (
  only_row boolean primary key default true check (only_row),
  version  bigint  not null
);
insert into segment_definitions_version (version) values (1);

create function segment_definitions_changed() returns trigger language plpgsql as $$
begin
  update segment_definitions_version set version = version + 1;
  return null;
end $$;

create trigger segments_definition_changed
  after update of criteria, raw_sql, code or delete on segments
  for each statement execute function segment_definitions_changed();
