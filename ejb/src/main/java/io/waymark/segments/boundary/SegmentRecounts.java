package io.waymark.segments.boundary;

import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.control.SegmentCounts;
import io.waymark.segments.control.SegmentSql;
import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recount sweep's units of work. A due segment is claimed by a lease in a short transaction of
 * its own ({@link #claimNextDue}), so its row is not locked while it is counted: a PUT of a slow
 * segment goes through, and its count, made for the old definition, is then not stored. The count
 * runs in another transaction ({@link #count}); raw-SQL segments are counted in the background
 * ({@link #countInBackground}) on the sandbox's connections, so that one slow raw query does not
 * stall the recount of the others. A count that fails (a raw-SQL segment whose tables changed, a
 * definition that no longer compiles, the statement timeout) rolls its transaction back and is
 * recorded by {@link #recordFailure} in a new one, so it never stops the sweep.
 */
@Stateless
public class SegmentRecounts {

  private static final System.Logger LOG = System.getLogger(SegmentRecounts.class.getName());

  /** What happened to the claimed segment; {@code error} is set when the count failed. */
  public record Outcome(
      long segmentId, String code, long count, int durationMs, boolean slow, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  @Inject Segments segments;

  @Inject SegmentCounts counts;

  @Inject SegmentSql sql;

  @Inject Clock clock;

  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "waymark.segments.count-timeout", defaultValue = "PT4M")
  Duration countTimeout;

  @Inject
  @ConfigProperty(name = "waymark.segments.raw-sql-timeout", defaultValue = "PT30S")
  Duration rawSqlTimeout;

  /**
   * Claims the segment due the longest (not a raw-SQL one unless {@code withRawSql}) for as long as
   * its count may take; null when none is due.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SegmentCounts.Due claimNextDue(boolean withRawSql) {
    Instant now = clock.instant();
    Duration lease =
        (countTimeout.compareTo(rawSqlTimeout) > 0 ? countTimeout : rawSqlTimeout).plusMinutes(1);
    return counts.claimDue(now, now.plus(lease), withRawSql).orElse(null);
  }

  /** Counts a claimed segment and stores the count, unless its definition changed meanwhile. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome count(SegmentCounts.Due due) {
    long started = System.nanoTime();
    try {
      counts.limitStatements(countTimeout);
      SegmentView segment = segments.find(due.code());
      long count = segments.countAndDiff(segment, due.definedAt());
      int millis = (int) ((System.nanoTime() - started) / 1_000_000);
      boolean slow = counts.store(due.id(), count, millis, clock.instant(), due.definedAt());
      return new Outcome(due.id(), due.code(), count, millis, slow, null);
    } catch (RuntimeException e) {
      // PostgreSQL has aborted the transaction; the failure is recorded in a fresh one
      context.setRollbackOnly();
      return new Outcome(
          due.id(),
          due.code(),
          0,
          (int) ((System.nanoTime() - started) / 1_000_000),
          false,
          describe(e));
    }
  }

  /** {@link #count} on a thread of the container's, the outcome logged (a failure recorded). */
  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Future<Outcome> countInBackground(SegmentCounts.Due due) {
    SegmentRecounts self = context.getBusinessObject(SegmentRecounts.class);
    Outcome outcome = self.count(due);
    if (outcome.failed()) {
      log(outcome);
      self.recordFailure(outcome.segmentId(), outcome.error());
    } else {
      log(outcome);
    }
    return new AsyncResult<>(outcome);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordFailure(long segmentId, String error) {
    counts.fail(segmentId, error, clock.instant());
  }

  static void log(Outcome outcome) {
    if (outcome.failed()) {
      LOG.log(
          Level.WARNING,
          "Segment {0} could not be counted (tried again in one recalculation period): {1}",
          outcome.code(),
          outcome.error());
    } else if (outcome.slow()) {
      LOG.log(
          Level.WARNING,
          "Segment {0} is slow to count: {1} ms",
          outcome.code(),
          outcome.durationMs());
    }
  }

  private static String describe(RuntimeException e) {
    if (e instanceof WaymarkException w && !w.errors().isEmpty()) {
      return "definition no longer valid: "
          + w.errors().stream()
              .map(f -> f.path() + " " + f.message())
              .collect(Collectors.joining("; "));
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
