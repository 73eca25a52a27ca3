package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.CallResult;
import io.waymark.externalsync.control.RempSettings;
import io.waymark.externalsync.entity.OutboxCall;
import io.waymark.externalsync.entity.SegmentOutbox;
import io.waymark.platform.time.Backoff;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox's transactions: claiming due calls, recording what REMP answered (delivered, 404
 * ignored, retried with exponential backoff, failed after the last attempt), purging old rows, and
 * the status for operators. The HTTP calls themselves happen between two transactions, so no row
 * lock or connection is held while REMP answers.
 */
@Stateless
public class RempDeliveries {

  private static final System.Logger LOG = System.getLogger(RempDeliveries.class.getName());
  private static final int SHOWN_FAILURES = 10;

  @Inject SegmentOutbox outbox;

  @Inject RempSettings settings;

  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<OutboxCall> claim() {
    Instant now = clock.instant();
    return outbox.claim(now, settings.batch(), now.plus(settings.lease()));
  }

  /** Records the answers; returns how many calls were given up on. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int record(Map<OutboxCall, CallResult> results) {
    Instant now = clock.instant();
    int failed = 0;
    String example = null;
    for (var entry : results.entrySet()) {
      OutboxCall call = entry.getKey();
      CallResult result = entry.getValue();
      if (result.delivered()) {
        outbox.finish(call.id(), "delivered", null, now);
      } else if (result.ignored()) {
        outbox.finish(call.id(), "ignored", result.describe(), now);
      } else if (call.attempts() >= settings.maxAttempts()) {
        outbox.finish(call.id(), "failed", result.describe(), now);
        failed++;
        example =
            call.action().path()
                + " of user "
                + call.userId()
                + " for segment "
                + call.segmentCode()
                + ": "
                + result.describe();
      } else {
        outbox.retryAt(
            call.id(),
            now.plus(
                Backoff.after(call.attempts(), settings.retryDelay(), settings.retryMaxDelay())),
            result.describe());
      }
    }
    if (failed > 0) {
      // one line per batch (a receiver that is down fails whole batches); each row keeps its own
      // last_error
      LOG.log(
          Level.WARNING,
          "REMP campaign sync gave up on {0} call(s) after {1} attempts, e.g. {2}",
          failed,
          settings.maxAttempts(),
          example);
    }
    return failed;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purgeFinished() {
    return outbox.purge(clock.instant().minus(settings.keep()));
  }

  public SyncStatus status() {
    return new SyncStatus(
        settings.enabled(),
        outbox.pending(),
        outbox.oldestPending(),
        outbox.failed(),
        outbox.latestFailures(SHOWN_FAILURES).stream()
            .map(
                f ->
                    new SyncStatus.Failure(
                        f.id(),
                        f.userId(),
                        f.segmentCode(),
                        f.action(),
                        f.attempts(),
                        f.lastError(),
                        f.failedAt()))
            .toList());
  }
}
