package io.waymark.scenarios.engine.control;

import java.time.Duration;

/** Exponential backoff: {@code first} after the first failure, doubling after each further one, at most an hour. */
public final class Backoff {

  static final Duration MAX = Duration.ofHours(1);

  private Backoff() {}

  public static Duration after(int failures, Duration first) {
    Duration delay = first;
    for (int i = 1; i < failures && delay.compareTo(MAX) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
