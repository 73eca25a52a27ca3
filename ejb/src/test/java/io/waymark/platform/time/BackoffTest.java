package io.waymark.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration FIRST = Duration.ofSeconds(10);
  private static final Duration MAX = Duration.ofMinutes(5);

  @Test
  void doublesAfterEachFailedAttempt() {
    assertThat(Backoff.after(1, FIRST, MAX)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.after(2, FIRST, MAX)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.after(3, FIRST, MAX)).isEqualTo(Duration.ofSeconds(40));
    assertThat(Backoff.after(5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(160));
  }

  @Test
  void neverWaitsLongerThanTheMaximum() {
    assertThat(Backoff.after(6, FIRST, MAX)).isEqualTo(MAX);
    assertThat(Backoff.after(Integer.MAX_VALUE, FIRST, MAX)).isEqualTo(MAX);
    assertThat(Backoff.after(1, Duration.ofHours(2), MAX)).isEqualTo(MAX);
  }
}
