package io.waymark.segments.boundary;

import io.waymark.platform.sweep.Sweep;
import io.waymark.segments.control.SegmentCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps segment counts fresh every {@code waymark.segments.recount-period}: each batch claims the
 * next due segment (SKIP LOCKED and a lease, so several servers share the work) and counts it in a
 * transaction of its own ({@link SegmentRecounts}); a run goes on until none is due. Raw-SQL
 * segments are counted in the background, at most one per sandbox connection, so a slow one does
 * not hold up the rest.
 */
@ApplicationScoped
public class SegmentRecountSweep implements Sweep {

  @Inject SegmentRecounts recounts;

  @Inject
  @ConfigProperty(name = "waymark.segments.recount-period", defaultValue = "PT1M")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.segments.sandbox.max-connections", defaultValue = "4")
  int sandboxConnections;

  /** Raw-SQL counts running in the background (one run at a time touches this list). */
  private final List<Future<SegmentRecounts.Outcome>> background = new ArrayList<>();

  @Override
  public String name() {
    return "segments.recount";
  }

  @Override
  public Duration period() {
    return period;
  }

  /** One segment a batch: the run goes on while one was due. */
  @Override
  public int batchSize() {
    return 1;
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public synchronized int runBatch() {
    SegmentCounts.Due due = recounts.claimNextDue(backgroundSlotFree());
    if (due == null) {
      return 0;
    }
    if (due.rawSql()) {
      background.add(recounts.countInBackground(due));
      return 1;
    }
    SegmentRecounts.Outcome outcome = recounts.count(due);
    SegmentRecounts.log(outcome);
    if (outcome.failed()) {
      recounts.recordFailure(outcome.segmentId(), outcome.error());
    }
    return 1;
  }

  private boolean backgroundSlotFree() {
    background.removeIf(Future::isDone);
    return background.size() < Math.max(1, sandboxConnections);
  }
}
