package io.waymark.segments.boundary;

import io.waymark.platform.error.WaymarkException;
import io.waymark.segments.control.SegmentCounts;
import io.waymark.segments.control.SegmentSql;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The recount sweep's unit of work: one due segment per transaction, counted while its row is
 * locked. A count that fails (a raw-SQL segment whose tables changed, a definition that no longer
 * compiles, the statement timeout) rolls its transaction back and is recorded by {@link
 * #recordFailure} in a new one, so it never stops the sweep.
 */
@Stateless
public class SegmentRecounts {

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

  /** Claims and counts the segment due the longest; null when none is due. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome recountNextDue() {
    var due = counts.claimDue(clock.instant()).orElse(null);
    if (due == null) {
      return null;
    }
    long started = System.nanoTime();
    try {
      counts.limitStatements(countTimeout);
      long count = sql.count(segments.selectIds(segments.find(due.code())));
      int millis = (int) ((System.nanoTime() - started) / 1_000_000);
      boolean slow = counts.store(due.id(), count, millis, clock.instant());
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

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordFailure(long segmentId, String error) {
    counts.fail(segmentId, error, clock.instant());
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
