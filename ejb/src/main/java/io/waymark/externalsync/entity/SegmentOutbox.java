package io.waymark.externalsync.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The {@code remp_segment_outbox} table, in the caller's transaction (plain JDBC: rows are written
 * on the goal hot path). Rows of one user and segment are delivered in id order: a row is only due
 * when no older row of the same user and segment is still pending, so a remove never overtakes the
 * add before it.
 */
@Dependent
public class SegmentOutbox {

  /** A row given up on, for operators. */
  public record Failure(
      long id,
      long userId,
      String segmentCode,
      String action,
      int attempts,
      String lastError,
      Instant failedAt) {}

  private static final int MAX_ERROR = 1000;

  @Inject Jdbc jdbc;

  public void add(long userId, String segmentCode, SegmentAction action, Instant now) {
    jdbc.update(
        "insert into remp_segment_outbox (user_id, segment_code, action, created_at, next_attempt_at) values (?, ?, ?, ?, ?)",
        userId,
        segmentCode,
        action.path(),
        now,
        now);
  }

  /**
   * Claims up to {@code limit} due rows (SKIP LOCKED: servers never claim the same row), counts the
   * attempt and reserves each row until {@code leaseUntil}, after which a row whose server died is
   * due again.
   */
  public List<OutboxCall> claim(Instant now, int limit, Instant leaseUntil) {
    // the limit is written into the text (an int, never user input) so the plan knows how few rows
    // are wanted
    return jdbc.list(
        """
            with due as (select o.id from remp_segment_outbox o
                         where o.status = 'pending' and o.next_attempt_at <= ?
                           and not exists (select 1 from remp_segment_outbox older
                                           where older.user_id = o.user_id and older.segment_code = o.segment_code
                                             and older.status = 'pending' and older.id < o.id)
                         order by o.next_attempt_at, o.id limit %d
                         for update of o skip locked)
            update remp_segment_outbox r set attempts = r.attempts + 1, next_attempt_at = ?
            from due where r.id = due.id
            returning r.id, r.user_id, r.segment_code, r.action, r.attempts"""
            .formatted(limit),
        rs ->
            new OutboxCall(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                SegmentAction.of(rs.getString(4)),
                rs.getInt(5)),
        now,
        leaseUntil);
  }

  /** {@code status}: {@code delivered}, {@code ignored} or {@code failed}. */
  public void finish(long id, String status, String error, Instant now) {
    jdbc.update(
        "update remp_segment_outbox set status = ?, finished_at = ?, last_error = ? where id = ? and status = 'pending'",
        status,
        now,
        truncate(error),
        id);
  }

  public void retryAt(long id, Instant at, String error) {
    jdbc.update(
        "update remp_segment_outbox set next_attempt_at = ?, last_error = ? where id = ? and status = 'pending'",
        at,
        truncate(error),
        id);
  }

  /** Forgets finished rows older than {@code before}. */
  public int purge(Instant before) {
    return jdbc.update(
        "delete from remp_segment_outbox where status <> 'pending' and finished_at < ?", before);
  }

  public long pending() {
    return jdbc.first(
            "select count(*) from remp_segment_outbox where status = 'pending'",
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  public long failed() {
    return jdbc.first(
            "select count(*) from remp_segment_outbox where status = 'failed'", rs -> rs.getLong(1))
        .orElse(0L);
  }

  public Instant oldestPending() {
    return jdbc.first(
            "select min(created_at) from remp_segment_outbox where status = 'pending'",
            rs -> Jdbc.instant(rs, 1))
        .orElse(null);
  }

  public List<Failure> latestFailures(int limit) {
    return jdbc.list(
        "select id, user_id, segment_code, action, attempts, last_error, finished_at from remp_segment_outbox"
            + " where status = 'failed' order by finished_at desc, id desc limit "
            + limit,
        rs ->
            new Failure(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                Jdbc.instant(rs, 7)));
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
