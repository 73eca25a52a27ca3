package io.waymark.users.control;

import io.waymark.platform.time.Backoff;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code waymark.login.*}: how failed sign-ins of one (account, client network) slow further
 * attempts. The first {@code free-attempts} failures cost nothing; the failure that reaches that
 * number blocks the pair for {@code delay}, each further failure for twice as long as the one
 * before, never more than {@code max-delay}. A blocked attempt is refused without looking at the
 * password (and is not counted). Failures are forgotten {@code window} after the last one, and a
 * successful sign-in forgets them at once. {@code account-warning}: every time an account's
 * failures from all networks within the window reach a multiple of it, a WARNING is logged — the
 * account is never locked, since anyone could lock anyone out.
 */
@Dependent
public class LoginPolicy {

  @Inject
  @ConfigProperty(name = "waymark.login.free-attempts", defaultValue = "5")
  int freeAttempts;

  @Inject
  @ConfigProperty(name = "waymark.login.delay", defaultValue = "PT30S")
  Duration delay;

  @Inject
  @ConfigProperty(name = "waymark.login.max-delay", defaultValue = "PT15M")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "waymark.login.window", defaultValue = "PT1H")
  Duration window;

  @Inject
  @ConfigProperty(name = "waymark.login.account-warning", defaultValue = "20")
  int accountWarning;

  public LoginPolicy() {}

  LoginPolicy(
      int freeAttempts, Duration delay, Duration maxDelay, Duration window, int accountWarning) {
    this.freeAttempts = freeAttempts;
    this.delay = delay;
    this.maxDelay = maxDelay;
    this.window = window;
    this.accountWarning = accountWarning;
  }

  /**
   * Refuses settings that would not throttle as documented, naming the key: at startup, so a typo
   * stops the deployment instead of failing sign-ins.
   */
  public void check() {
    require(freeAttempts >= 1, "waymark.login.free-attempts must be at least 1");
    require(isPositive(delay), "waymark.login.delay must be a positive duration");
    require(
        isPositive(maxDelay) && maxDelay.compareTo(delay) >= 0,
        "waymark.login.max-delay must be at least waymark.login.delay");
    // a window no longer than the cap would forget the failures of anyone who waits out the cap
    require(
        window != null && window.compareTo(maxDelay) > 0,
        "waymark.login.window must be longer than waymark.login.max-delay");
    require(accountWarning >= 1, "waymark.login.account-warning must be at least 1");
  }

  /** How long the pair is blocked after its {@code failures}-th failure within the window. */
  public Duration delayAfter(int failures) {
    if (failures < freeAttempts) {
      return Duration.ZERO;
    }
    return Backoff.after(failures - freeAttempts + 1, delay, maxDelay);
  }

  /**
   * {@link #delayAfter} in milliseconds for 1, 2, … failures up to the first that reaches the cap
   * ({@code 0,0,0,0,30000,60000,…,900000} with the defaults): the store's one-statement upsert
   * reads the delay of a new failure count from it (its last element for any count past its end),
   * so the policy is written once, here.
   */
  public long[] delayTable() {
    // ends at the cap; the bound only matters for settings check() refuses
    int last = freeAttempts + 64;
    long[] table = new long[last];
    for (int failures = 1; failures <= last; failures++) {
      Duration d = delayAfter(failures);
      table[failures - 1] = d.toMillis();
      if (failures >= freeAttempts && d.compareTo(maxDelay) >= 0) {
        return Arrays.copyOf(table, failures);
      }
    }
    return table;
  }

  /** Failures before this time are forgotten. */
  public Instant windowStart(Instant now) {
    return now.minus(window);
  }

  /** The {@code Retry-After} of an attempt refused at {@code now}: whole seconds, at least 1. */
  public long retryAfterSeconds(Instant blockedUntil, Instant now) {
    long millis = Duration.between(now, blockedUntil).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Whether an account's failures across networks just reached a multiple of the warning level. */
  public boolean warnsAbout(long accountFailures) {
    return accountFailures >= accountWarning && accountFailures % accountWarning == 0;
  }

  public Duration window() {
    return window;
  }

  private static boolean isPositive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
