package io.waymark.platform.outbox;

import io.waymark.platform.time.Backoff;
import java.time.Duration;

/**
 * How a channel retries: at most {@code maxAttempts} attempts, the first retry after {@code
 * retryDelay} doubling up to {@code retryMaxDelay}; a claimed item is reserved for {@code lease}
 * (an item whose server died is due again after it); finished items are kept for {@code keep}.
 */
public record RetryPolicy(
    int maxAttempts, Duration retryDelay, Duration retryMaxDelay, Duration lease, Duration keep) {

  public RetryPolicy {
    maxAttempts = Math.max(1, maxAttempts);
  }

  /** The wait after the {@code attempts}-th failed attempt. */
  public Duration retryAfter(int attempts) {
    return Backoff.after(attempts, retryDelay, retryMaxDelay);
  }
}
