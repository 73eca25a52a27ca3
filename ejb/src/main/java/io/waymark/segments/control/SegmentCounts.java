package io.waymark.segments.control;

import io.waymark.platform.db.Jdbc;
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

  /** A segment claimed for counting. */
  public record Due(long id, String code) {}

  private static final int MAX_ERROR = 1000;

  @Inject Jdbc jdbc;

  @Inject
  @ConfigProperty(name = "waymark.segments.slow-threshold", defaultValue = "PT5S")
  Duration slowThreshold;

  /**
   * Locks the segment whose count is due the longest ({@code count_updated_at + recalculate_every
   * <= now}, never counted first), skipping segments another transaction holds — so several servers
   * never count the same one. A segment whose last count failed waits one period after the failure.
   * {@code FOR NO KEY UPDATE}: the daily row written under the lock only needs a key-share lock on
   * the segment.
   */
  public Optional<Due> claimDue(Instant now) {
    return jdbc.first(
        """
            select id, code from segments
            where (count_updated_at is null or count_updated_at + recalculate_every <= ?)
              and (count_failed_at is null or count_failed_at + recalculate_every <= ?)
            order by count_updated_at nulls first, id
            limit 1 for no key update skip locked""",
        rs -> new Due(rs.getLong(1), rs.getString(2)),
        now,
        now);
  }

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

  /** Stores a successful count; returns whether it was slow. Clears an earlier failure. */
  public boolean store(long segmentId, long count, int durationMs, Instant now) {
    boolean slow = durationMs > slowThreshold.toMillis();
    jdbc.update(
        "update segments set cached_count = ?, count_updated_at = ?, count_duration_ms = ?, count_slow = ?,"
            + " count_error = null, count_failed_at = null where id = ?",
        count,
        now,
        durationMs,
        slow,
        segmentId);
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
        "update segments set count_error = ?, count_failed_at = ? where id = ?",
        stored,
        now,
        segmentId);
  }
}
