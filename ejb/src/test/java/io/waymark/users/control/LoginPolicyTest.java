package io.waymark.users.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

  private static final Duration HALF_MINUTE = Duration.ofSeconds(30);
  private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);
  private static final Duration HOUR = Duration.ofHours(1);

  private static LoginPolicy defaults() {
    return new LoginPolicy(5, HALF_MINUTE, QUARTER_HOUR, HOUR, 20);
  }

  @Test
  void theFreeAttemptsCostNothingThenTheDelayDoublesPerFailureUpToTheCap() {
    LoginPolicy policy = defaults();
    for (int failures = 1; failures < 5; failures++) {
      assertThat(policy.delayAfter(failures)).as("failure %d", failures).isZero();
    }
    assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofMinutes(4));
    assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
    assertThat(policy.delayAfter(10)).isEqualTo(QUARTER_HOUR);
    assertThat(policy.delayAfter(1_000)).isEqualTo(QUARTER_HOUR);
  }

  @Test
  void oneFreeAttemptBlocksAfterTheFirstFailure() {
    LoginPolicy policy = new LoginPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(5), HOUR, 20);
    assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theStoresDelayTableIsThePolicyUpToTheFirstCappedCount() {
    assertThat(defaults().delayTable())
        .containsExactly(0, 0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000);
    // the cap reached on the first blocking failure: the table ends there
    assertThat(new LoginPolicy(3, HALF_MINUTE, HALF_MINUTE, HOUR, 20).delayTable())
        .containsExactly(0, 0, 30_000);
    LoginPolicy policy =
        new LoginPolicy(2, Duration.ofMillis(1), Duration.ofDays(1), Duration.ofDays(2), 9);
    long[] table = policy.delayTable();
    assertThat(table[table.length - 1]).isEqualTo(Duration.ofDays(1).toMillis());
    for (int i = 0; i < table.length; i++) {
      assertThat(table[i]).isEqualTo(policy.delayAfter(i + 1).toMillis());
    }
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    Instant now = Instant.parse("2025-01-01T12:00:00Z");
    assertThat(defaults().windowStart(now)).isEqualTo(Instant.parse("2025-01-01T11:00:00Z"));
    assertThat(defaults().window()).isEqualTo(HOUR);
  }

  @Test
  void retryAfterIsInWholeSecondsRoundedUpAndAtLeastOne() {
    LoginPolicy policy = defaults();
    Instant now = Instant.parse("2025-01-01T12:00:00Z");
    assertThat(policy.retryAfterSeconds(now.plusSeconds(30), now)).isEqualTo(30);
    assertThat(policy.retryAfterSeconds(now.plusMillis(29_001), now)).isEqualTo(30);
    assertThat(policy.retryAfterSeconds(now.plusMillis(1), now)).isEqualTo(1);
    assertThat(policy.retryAfterSeconds(now, now)).isEqualTo(1);
    assertThat(policy.retryAfterSeconds(now.minusSeconds(5), now)).isEqualTo(1);
  }

  @Test
  void theAccountWarningIsLoggedAtEachMultipleOfItsLevel() {
    LoginPolicy policy = defaults();
    assertThat(policy.warnsAbout(19)).isFalse();
    assertThat(policy.warnsAbout(20)).isTrue();
    assertThat(policy.warnsAbout(21)).isFalse();
    assertThat(policy.warnsAbout(40)).isTrue();
    assertThat(policy.warnsAbout(0)).isFalse();
  }

  @Test
  void theDefaultsAreValid() {
    defaults().check();
  }

  @Test
  void settingsThatWouldNotThrottleAsDocumentedAreRefusedByName() {
    assertThatThrownBy(() -> new LoginPolicy(0, HALF_MINUTE, QUARTER_HOUR, HOUR, 20).check())
        .hasMessageContaining("waymark.login.free-attempts");
    assertThatThrownBy(() -> new LoginPolicy(5, Duration.ZERO, QUARTER_HOUR, HOUR, 20).check())
        .hasMessageContaining("waymark.login.delay");
    assertThatThrownBy(
            () -> new LoginPolicy(5, HALF_MINUTE, Duration.ofSeconds(10), HOUR, 20).check())
        .hasMessageContaining("waymark.login.max-delay");
    // waiting out the cap must not also forget the failures
    assertThatThrownBy(() -> new LoginPolicy(5, HALF_MINUTE, HOUR, HOUR, 20).check())
        .hasMessageContaining("waymark.login.window");
    assertThatThrownBy(() -> new LoginPolicy(5, HALF_MINUTE, QUARTER_HOUR, HOUR, 0).check())
        .hasMessageContaining("waymark.login.account-warning");
  }
}
