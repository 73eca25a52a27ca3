package io.waymark.platform.sweep;

import java.time.Duration;
import java.time.Instant;

/**
 * What a sweep did on this server: its runs so far, the last one's start, duration, batches and
 * items, the last failure (message and time; cleared by the next run that succeeds) and how many
 * runs in a row failed; {@code firstRunDue} is when its first run was due.
 */
public record SweepStatus(
    String name,
    Duration period,
    long runs,
    long items,
    Instant lastStartedAt,
    Duration lastDuration,
    int lastBatches,
    long lastItems,
    String lastError,
    Instant lastErrorAt,
    boolean running,
    int failuresInARow,
    Instant firstRunDue) {

  /** Runs failing in a row from which a sweep is unhealthy. */
  public static final int FAILING_RUNS = 3;

  /** Periods without a run after which a sweep that is not running is stale. */
  public static final int STALE_PERIODS = 3;

  /** Periods (at least {@link #STUCK_AT_LEAST}) after which a run still going is stuck. */
  public static final int STUCK_PERIODS = 10;

  public static final Duration STUCK_AT_LEAST = Duration.ofMinutes(10);

  /**
   * Why the sweep is unhealthy at {@code now}, or null when it is healthy: its last {@value
   * #FAILING_RUNS} runs failed, no run started for {@value #STALE_PERIODS} periods (plus a minute
   * of slack), or a run has been going for {@value #STUCK_PERIODS} periods and at least ten
   * minutes.
   */
  public String problem(Instant now) {
    if (failuresInARow >= FAILING_RUNS) {
      return "failing: the last " + failuresInARow + " runs failed, the last with " + lastError;
    }
    if (running && lastStartedAt != null) {
      Duration stuck = period.multipliedBy(STUCK_PERIODS);
      if (stuck.compareTo(STUCK_AT_LEAST) < 0) {
        stuck = STUCK_AT_LEAST;
      }
      if (lastStartedAt.plus(stuck).isBefore(now)) {
        return "stuck: a run started at " + lastStartedAt + " is still going";
      }
      return null;
    }
    Instant since = lastStartedAt != null ? lastStartedAt : firstRunDue;
    if (since != null
        && since.plus(period.multipliedBy(STALE_PERIODS)).plusSeconds(60).isBefore(now)) {
      return "stale: no run since " + since;
    }
    return null;
  }
}
