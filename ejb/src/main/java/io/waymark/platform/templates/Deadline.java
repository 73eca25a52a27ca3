package io.waymark.platform.templates;

import java.time.Duration;

/** A point in {@link System#nanoTime()} by which a render must be done. */
public record Deadline(long nanoTime, Duration budget) {

  public static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos(), budget);
  }

  boolean passed() {
    return System.nanoTime() - nanoTime > 0;
  }
}
