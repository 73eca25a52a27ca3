package io.waymark.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SweepStatusTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration PERIOD = Duration.ofSeconds(10);

  private static SweepStatus status(
      Instant lastStart, boolean running, int failures, String error) {
    return new SweepStatus(
        "x.y", PERIOD, 1, 0, lastStart, Duration.ZERO, 1, 0, error, null, running, failures, T0);
  }

  @Test
  void aSweepRunningOnTimeIsHealthyAndOneThatStoppedRunningIsStale() {
    assertThat(status(T0, false, 0, null).problem(T0.plusSeconds(89))).isNull();
    assertThat(status(T0, false, 0, null).problem(T0.plusSeconds(91))).startsWith("stale");
    // never ran: counted from when its first run was due
    assertThat(status(null, false, 0, null).problem(T0.plusSeconds(60))).isNull();
    assertThat(status(null, false, 0, null).problem(T0.plusSeconds(91))).startsWith("stale");
  }

  @Test
  void threeFailedRunsInARowAreFailingAndALongRunIsOnlyStuckAfterTenMinutes() {
    assertThat(status(T0, false, 2, "boom").problem(T0.plusSeconds(1))).isNull();
    assertThat(status(T0, false, 3, "boom").problem(T0.plusSeconds(1)))
        .isEqualTo("failing: the last 3 runs failed, the last with boom");
    assertThat(status(T0, true, 0, null).problem(T0.plusSeconds(599))).isNull();
    assertThat(status(T0, true, 0, null).problem(T0.plusSeconds(601))).startsWith("stuck");
  }
}
