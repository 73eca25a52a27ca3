package io.waymark.platform.time;

import java.time.Duration;

/**
 * Exponential backoff: the first retry after {@code first}, then twice as long each time, never
 * more than {@code max}.
 */
public final class Backoff {

  private Backoff() {}

  /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
  public static Duration after(int attempts, Duration first, Duration max) {
    Duration delay = first;
    for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
