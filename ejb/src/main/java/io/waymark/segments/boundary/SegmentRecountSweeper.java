package io.waymark.segments.boundary;

import io.waymark.segments.control.SegmentCounts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps segment counts fresh: one non-persistent timer per server (period {@code
 * waymark.segments.recount-period}), each tick counting due segments one per transaction ({@link
 * SegmentRecounts}) until none is due or the tick has used its period — safe with several servers
 * on one database (due rows are claimed with SKIP LOCKED and a lease). Raw-SQL segments are counted
 * in the background, at most one per sandbox connection, so a slow one does not hold up the rest.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SegmentRecountSweeper {

  private static final System.Logger LOG = System.getLogger(SegmentRecountSweeper.class.getName());

  @Resource TimerService timers;

  @Inject SegmentRecounts recounts;

  @Inject
  @ConfigProperty(name = "waymark.segments.recount-period", defaultValue = "PT1M")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.max-connections", defaultValue = "4")
  int sandboxConnections;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        period.toMillis(), period.toMillis(), new TimerConfig("segment-recount-sweep", false));
  }

  /** Raw-SQL counts running in the background, at most one per sandbox connection. */
  private final List<Future<SegmentRecounts.Outcome>> background = new ArrayList<>();

  @Timeout
  void sweep() {
    long deadline = System.nanoTime() + period.toNanos();
    int counted = 0;
    try {
      SegmentCounts.Due due;
      while (System.nanoTime() < deadline
          && (due = recounts.claimNextDue(backgroundSlotFree())) != null) {
        if (due.rawSql()) {
          background.add(recounts.countInBackground(due));
          continue;
        }
        SegmentRecounts.Outcome outcome = recounts.count(due);
        SegmentRecounts.log(outcome);
        if (outcome.failed()) {
          recounts.recordFailure(outcome.segmentId(), outcome.error());
        } else {
          counted++;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Segment recount sweep stopped early; the next tick goes on", e);
    }
    if (counted > 0) {
      LOG.log(Level.DEBUG, "Recounted {0} segments", counted);
    }
  }

  private boolean backgroundSlotFree() {
    background.removeIf(Future::isDone);
    return background.size() < Math.max(1, sandboxConnections);
  }
}
