-- The broadcast's net (platform.broadcast): one row per topic whose changes must reach every server; each change
-- moves the version, and a server that missed the NOTIFY notices when it compares.
create table broadcast_versions (
  topic      varchar(100) primary key,
  version    bigint       not null,
  changed_at timestamptz  not null
);
