package io.waymark.segments.control;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.jobs.DueTable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * V29's membership snapshots of criteria and raw-SQL segments, and their due re-checks. A snapshot
 * is current while its {@code definition} is the md5 of the segment's criteria or SQL: only a
 * current one is diffed or updated, so a redefined segment starts again with a first snapshot,
 * which tells nothing.
 */
@Dependent
public class SegmentSnapshots {

  /** Ids written per statement. */
  static final int CHUNK = 10_000;

  /** The segment's snapshot is current (its one {@code ?}: the segment id). */
  private static final String CURRENT =
      "exists (select 1 from segment_snapshots ss join segments s on s.id = ss.segment_id"
          + " where ss.segment_id = ? and ss.definition = md5(coalesce(s.criteria, s.raw_sql)))";

  /** Due re-checks of one user's membership of one segment (a time window passed). */
  public static final DueTable RECHECKS = DueTable.plain("segment_rechecks");

  /** What a recount found: nothing for a first snapshot, else who came in and who left. */
  public record Diff(boolean first, List<Long> entered, List<Long> left) {}

  /** A claimed re-check. */
  public record Recheck(long id, long segmentId, String code, long userId) {}

  @Inject Jdbc jdbc;

  /** A recount's count with its diff. */
  public record Counted(long count, Diff diff) {}

  /** PostgreSQL's {@code md5(text)} of a definition: the snapshot's {@code definition}. */
  public static String md5(String definition) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("MD5")
                  .digest(definition.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the segment's snapshot was taken for this definition (its md5). */
  private boolean current(long segmentId, String definition) {
    return jdbc.first(
            "select exists (select 1 from segment_snapshots where segment_id = ? and definition = ?)",
            rs -> rs.getBoolean(1),
            segmentId,
            definition)
        .orElse(false);
  }

  /** When the segment's snapshot for this definition was taken; empty when it is not yet. */
  public Optional<Instant> takenAt(long segmentId, String definition) {
    return jdbc.first(
        "select taken_at from segment_snapshots where segment_id = ? and definition = ?",
        rs -> Jdbc.instant(rs, 1),
        segmentId,
        definition);
  }

  private void stamp(long segmentId, String definition, Instant now) {
    jdbc.update(
        "insert into segment_snapshots (segment_id, definition, taken_at) values (?, ?, ?)"
            + " on conflict (segment_id) do update set definition = excluded.definition,"
            + " taken_at = excluded.taken_at",
        segmentId,
        definition,
        now);
  }

  /**
   * A criteria segment's recount, in one statement: its members ({@code selectIds}, the
   * application's SQL) against its snapshot for {@code definition}, both read at the statement's
   * start, so a re-check committed meanwhile is neither undone nor told twice. Without a snapshot
   * of that definition, one is taken and nothing is told.
   */
  public Counted diffInDatabase(
      long segmentId, String definition, SqlFragment selectIds, Instant now) {
    SqlFragment members =
        new SqlFragment()
            .text("with m as (select u.id from users u where u.id in (")
            .append(selectIds)
            .text("))");
    if (!current(segmentId, definition)) {
      jdbc.update("delete from segment_snapshot_members where segment_id = ?", segmentId);
      SqlFragment take =
          members
              .text(", ins as (insert into segment_snapshot_members (segment_id, user_id) select ")
              .bind(segmentId)
              .text(", m.id from m returning 1) select count(*) from ins");
      long count = jdbc.first(take.sql(), rs -> rs.getLong(1), take.params().toArray()).orElse(0L);
      stamp(segmentId, definition, now);
      return new Counted(count, new Diff(true, List.of(), List.of()));
    }
    SqlFragment diff =
        members
            .text(", ins as (insert into segment_snapshot_members (segment_id, user_id) select ")
            .bind(segmentId)
            .text(
                ", m.id from m where not exists (select 1 from segment_snapshot_members s"
                    + " where s.segment_id = ")
            .bind(segmentId)
            .text(
                " and s.user_id = m.id) on conflict do nothing returning user_id),"
                    + " del as (delete from segment_snapshot_members s where s.segment_id = ")
            .bind(segmentId)
            .text(
                " and not exists (select 1 from m where m.id = s.user_id) returning s.user_id)"
                    + " select 0, count(*) from m union all select 1, user_id from ins"
                    + " union all select -1, user_id from del");
    long count = 0;
    List<Long> in = new ArrayList<>();
    List<Long> out = new ArrayList<>();
    for (long[] row :
        jdbc.list(
            diff.sql(), rs -> new long[] {rs.getLong(1), rs.getLong(2)}, diff.params().toArray())) {
      if (row[0] == 0) {
        count = row[1];
      } else {
        (row[0] > 0 ? in : out).add(row[1]);
      }
    }
    return new Counted(count, new Diff(false, in, out));
  }

  /**
   * A raw-SQL segment's recount: its members now ({@code members}, ascending, read as the sandbox)
   * against its snapshot for {@code definition}, brought up to date row by row; without a snapshot
   * of that definition, one is taken and nothing is told. (Raw-SQL segments are not re-checked
   * between recounts, so nothing else writes their snapshot.)
   */
  public Diff diff(long segmentId, String definition, long[] members, Instant now) {
    if (!current(segmentId, definition)) {
      jdbc.update("delete from segment_snapshot_members where segment_id = ?", segmentId);
      for (int from = 0; from < members.length; from += CHUNK) {
        long[] chunk = Arrays.copyOfRange(members, from, Math.min(members.length, from + CHUNK));
        jdbc.update(
            "insert into segment_snapshot_members (segment_id, user_id)"
                + " select ?, unnest(cast(? as bigint[]))",
            segmentId,
            array(chunk));
      }
      stamp(segmentId, definition, now);
      return new Diff(true, List.of(), List.of());
    }
    long[] before =
        jdbc
            .list(
                "select user_id from segment_snapshot_members where segment_id = ? order by user_id",
                rs -> rs.getLong(1),
                segmentId)
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    List<Long> in = new ArrayList<>();
    List<Long> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < members.length || j < before.length) {
      if (j == before.length || (i < members.length && members[i] < before[j])) {
        in.add(members[i++]);
      } else if (i == members.length || before[j] < members[i]) {
        out.add(before[j++]);
      } else {
        i++;
        j++;
      }
    }
    return new Diff(false, write(segmentId, in, true), write(segmentId, out, false));
  }

  /**
   * Adds (or removes) these members, answering those really added (removed): a re-check that did
   * the same meanwhile is not told twice.
   */
  private List<Long> write(long segmentId, List<Long> ids, boolean add) {
    List<Long> changed = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String chunk = Jdbc.idArray(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
      changed.addAll(
          jdbc.list(
              add
                  ? "insert into segment_snapshot_members (segment_id, user_id) select ?, unnest(cast(? as bigint[]))"
                      + " on conflict do nothing returning user_id"
                  : "delete from segment_snapshot_members where segment_id = ? and user_id = any(cast(? as bigint[]))"
                      + " returning user_id",
              rs -> rs.getLong(1),
              segmentId,
              chunk));
    }
    return changed;
  }

  /**
   * One user re-checked: {@code member} now against a current snapshot. Answers 1 when the user
   * entered, -1 when the user left, 0 when nothing changed (or the snapshot is not current).
   */
  public int recheck(long segmentId, long userId, boolean member) {
    if (member) {
      return jdbc.list(
                  "insert into segment_snapshot_members (segment_id, user_id) select ?, ? where "
                      + CURRENT
                      + " on conflict do nothing returning 1",
                  rs -> 1,
                  segmentId,
                  userId,
                  segmentId)
              .isEmpty()
          ? 0
          : 1;
    }
    return jdbc.update(
                "delete from segment_snapshot_members where segment_id = ? and user_id = ? and "
                    + CURRENT,
                segmentId,
                userId,
                segmentId)
            == 0
        ? 0
        : -1;
  }

  /** The user is re-checked at {@code dueAt} (a later change moves it; one row per pair). */
  public void recheckAt(long segmentId, long userId, Instant dueAt, Instant now) {
    jdbc.update(
        "insert into segment_rechecks (segment_id, user_id, due_at, updated_at) values (?, ?, ?, ?)"
            // a change of an earlier time (an event sent late) never moves the re-check earlier
            + " on conflict (segment_id, user_id) do update set due_at = greatest(segment_rechecks.due_at, excluded.due_at),"
            + " state = 'pending', attempts = 0, last_error = null, updated_at = excluded.updated_at",
        segmentId,
        userId,
        dueAt,
        now);
  }

  /** Locks a re-check still claimed (empty: moved or done meanwhile). */
  public Optional<Recheck> lockClaimed(long id) {
    return jdbc.first(
        "select r.id, r.segment_id, s.code, r.user_id from segment_rechecks r join segments s on s.id = r.segment_id"
            + " where r.id = ? and r.state = 'claimed' for update of r",
        rs -> new Recheck(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)),
        id);
  }

  public void done(long id) {
    jdbc.update("delete from segment_rechecks where id = ?", id);
  }

  private static String array(long[] ids) {
    return Jdbc.idArray(Arrays.stream(ids).boxed().toList());
  }
}
