package io.waymark.segments.control;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.jobs.ClaimSpec;
import io.waymark.platform.jobs.Claims;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stored counts of segments, in the caller's transaction: the count with its time, duration and
 * slow flag, today's figure in the daily history, failures of the recount sweep, and the claim of
 * the next segment due for a count.
 */
@Dependent
public class SegmentCounts {

  /**
   * A segment claimed for counting until {@code leasedUntil}; {@code definedAt} is its {@code
   * updated_at} when claimed, {@code rawSql} whether it is a raw-SQL segment.
   */
  public record Due(long id, String code, Instant definedAt, boolean rawSql) {}

  private static final int MAX_ERROR = 1000;

  @Inject Jdbc jdbc;

  @Inject Claims claims;

  @Inject
  @ConfigProperty(name = "waymark.segments.slow-threshold", defaultValue = "PT5S")
  Duration slowThreshold;

  /**
   * Claims the segment whose count is due the longest ({@code count_updated_at + recalculate_every
   * <= now}, never counted first) by a lease until {@code leaseUntil}, skipping segments another
   * transaction holds and those leased to a count still running — so several servers never count
   * the same one, and the count itself runs without the segment's row lock (a PUT of the segment is
   * not blocked by it). A segment whose last count failed waits one period after the failure.
   * {@code withRawSql} false leaves raw-SQL segments for later (their background counts are busy).
   */
  public Optional<Due> claimDue(Instant now, Instant leaseUntil, boolean withRawSql) {
    return claims
        .claim(
            DUE,
            1,
            rs -> new Due(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, 3), rs.getBoolean(4)),
            new Object[] {now, now, now, withRawSql},
            leaseUntil)
        .stream()
        .findFirst();
  }

  /**
   * Segments whose recalculation period has passed (and, after a failure, one period since it), not
   * leased to a count still running; raw-SQL ones only when asked. {@code no key update}: the count
   * history's rows reference segments.
   */
  private static final ClaimSpec DUE =
      new ClaimSpec(
          "segments",
          "(count_updated_at is null or count_updated_at + recalculate_every <= ?)"
              + " and (count_failed_at is null or count_failed_at + recalculate_every <= ?)"
              + " and (count_claimed_until is null or count_claimed_until <= ?)"
              + " and (? or raw_sql is null)",
          "count_updated_at nulls first, id",
          "no key update",
          "count_claimed_until = ?",
          null,
          "segments.id, segments.code, segments.updated_at, segments.raw_sql is not null");

  /**
   * Limits how long statements of the current transaction may run (the count of a runaway raw-SQL
   * segment).
   */
  public void limitStatements(Duration timeout) {
    jdbc.first(
        "select set_config('statement_timeout', ?, true)",
        rs -> rs.getString(1),
        timeout.toMillis() + "ms");
  }

  /**
   * Stores a successful count; returns whether it was slow. Clears an earlier failure and the
   * claim. With {@code definedAt} (the claim's), a segment changed since is left alone: its new
   * definition is counted by the next sweep.
   */
  public boolean store(long segmentId, long count, int durationMs, Instant now, Instant definedAt) {
    boolean slow = durationMs > slowThreshold.toMillis();
    int stored =
        jdbc.update(
            "update segments set cached_count = ?, count_updated_at = ?, count_duration_ms = ?,"
                + " count_slow = ?, count_error = null, count_failed_at = null,"
                + " count_claimed_until = null where id = ? and (?::timestamptz is null or updated_at = ?)",
            count,
            now,
            durationMs,
            slow,
            segmentId,
            definedAt,
            definedAt);
    if (stored == 0) {
      // changed while counted: only the claim goes, so the next sweep counts the new definition
      jdbc.update("update segments set count_claimed_until = null where id = ?", segmentId);
      return slow;
    }
    jdbc.update(
        "insert into segment_counts (segment_id, day, count) values (?, ?, ?)"
            + " on conflict (segment_id, day) do update set count = excluded.count",
        segmentId,
        LocalDate.ofInstant(now, ZoneOffset.UTC),
        count);
    return slow;
  }

  /** Records why the count failed; the previous count stays. */
  public void fail(long segmentId, String error, Instant now) {
    String stored =
        error == null
            ? "unknown error"
            : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    jdbc.update(
        "update segments set count_error = ?, count_failed_at = ?, count_claimed_until = null"
            + " where id = ?",
        stored,
        now,
        segmentId);
  }
}
