package io.waymark.segments.boundary;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps segment counts fresh: one non-persistent timer per server (period {@code
 * waymark.segments.recount-period}), each tick counting due segments one per transaction ({@link
 * SegmentRecounts}) until none is due or the tick has used its period — safe with several servers
 * on one database (due rows are claimed with SKIP LOCKED).
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

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        period.toMillis(), period.toMillis(), new TimerConfig("segment-recount-sweep", false));
  }

  @Timeout
  void sweep() {
    long deadline = System.nanoTime() + period.toNanos();
    int counted = 0;
    try {
      SegmentRecounts.Outcome outcome;
      while (System.nanoTime() < deadline && (outcome = recounts.recountNextDue()) != null) {
        if (outcome.failed()) {
          LOG.log(
              Level.WARNING,
              "Segment {0} could not be counted (tried again in one recalculation period): {1}",
              outcome.code(),
              outcome.error());
          recounts.recordFailure(outcome.segmentId(), outcome.error());
        } else {
          counted++;
          if (outcome.slow()) {
            LOG.log(
                Level.WARNING,
                "Segment {0} is slow to count: {1} ms",
                outcome.code(),
                outcome.durationMs());
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Segment recount sweep stopped early; the next tick goes on", e);
    }
    if (counted > 0) {
      LOG.log(Level.DEBUG, "Recounted {0} segments", counted);
    }
  }
}
