package io.waymark.segments.control;

import io.waymark.platform.db.Jdbc;
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

  /**
   * The segment's members now ({@code members}, ascending) against its snapshot: a current snapshot
   * is brought up to date row by row and the changes answered; otherwise the snapshot is taken anew
   * and nothing answered.
   */
  public Diff diff(long segmentId, long[] members, Instant now) {
    boolean current =
        jdbc.first("select " + CURRENT, rs -> rs.getBoolean(1), segmentId).orElse(false);
    if (!current) {
      jdbc.update("delete from segment_snapshot_members where segment_id = ?", segmentId);
      for (int from = 0; from < members.length; from += CHUNK) {
        long[] chunk = Arrays.copyOfRange(members, from, Math.min(members.length, from + CHUNK));
        jdbc.update(
            "insert into segment_snapshot_members (segment_id, user_id)"
                + " select ?, unnest(cast(? as bigint[]))",
            segmentId,
            array(chunk));
      }
      jdbc.update(
          "insert into segment_snapshots (segment_id, definition, taken_at)"
              + " select s.id, md5(coalesce(s.criteria, s.raw_sql)), ? from segments s where s.id = ?"
              + " on conflict (segment_id) do update set definition = excluded.definition,"
              + " taken_at = excluded.taken_at",
          now,
          segmentId);
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
            + " on conflict (segment_id, user_id) do update set due_at = excluded.due_at, state = 'pending',"
            + " attempts = 0, last_error = null, updated_at = excluded.updated_at",
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
