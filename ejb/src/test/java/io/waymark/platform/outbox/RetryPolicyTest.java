package io.waymark.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retriesDoubleUpToTheMaximumAndAtLeastOneAttemptIsMade() {
    RetryPolicy p =
        new RetryPolicy(
            0, Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ZERO, Duration.ZERO);
    assertThat(p.maxAttempts()).isEqualTo(1);
    assertThat(p.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.retryAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(p.retryAfter(4)).isEqualTo(Duration.ofMinutes(3));
    assertThat(p.retryAfter(40)).isEqualTo(Duration.ofMinutes(3));
  }
}
