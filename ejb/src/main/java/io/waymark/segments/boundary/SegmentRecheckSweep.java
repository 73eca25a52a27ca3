package io.waymark.segments.boundary;

import io.waymark.platform.jobs.DueItem;
import io.waymark.platform.jobs.DueKind;
import io.waymark.platform.jobs.DueTable;
import io.waymark.platform.jobs.DueWork;
import io.waymark.platform.jobs.Handled;
import io.waymark.platform.sweep.Sweep;
import io.waymark.platform.time.Backoff;
import io.waymark.segments.control.SegmentSnapshots;
import io.waymark.segments.control.SegmentWatches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The due re-checks of windowed criteria, every {@code waymark.segments.recheck-period} (PT10S) on
 * each server, through the due-work dispatcher (each claimed once, SKIP LOCKED); each tick also
 * compares the watched segments' signature, the net under their broadcast.
 */
@ApplicationScoped
public class SegmentRecheckSweep implements Sweep, DueKind {

  @Inject DueWork work;

  @Inject SegmentRecheckRuns runs;

  @Inject SegmentWatches watches;

  @Inject
  @ConfigProperty(name = "waymark.segments.recheck-period", defaultValue = "PT10S")
  Duration period;

  @Override
  public String name() {
    return "segments.rechecks";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    watches.refresh();
    return work.dispatch(this);
  }

  @Override
  public DueTable table() {
    return SegmentSnapshots.RECHECKS;
  }

  @Override
  public int batch() {
    return 500;
  }

  @Override
  public int maxInFlight() {
    return 5000;
  }

  @Override
  public Duration lease() {
    return Duration.ofMinutes(2);
  }

  @Override
  public int maxAttempts() {
    return 4;
  }

  @Override
  public Duration retryAfter(int attempts) {
    return Backoff.after(attempts, Duration.ofSeconds(30), Duration.ofHours(1));
  }

  @Override
  public Duration budget() {
    return period.multipliedBy(5);
  }

  @Override
  public List<Handled> handle(List<DueItem> items) {
    return Handled.each(name(), items, runs::run);
  }
}
