package io.waymark.platform.sweep;

import java.time.Duration;

/**
 * A feature's periodic work, run by {@link Sweeps}: a CDI bean (any scope) per sweep. A run calls
 * {@link #runBatch()} in a transaction of its own, again and again while a batch comes back full
 * ({@link #batchSize()} items), so a backlog is worked off at once without one long transaction.
 * Sweeps run on every server: a batch must be safe when another server runs the same sweep (claim
 * rows, or do work that is harmless twice, like a delete).
 */
public interface Sweep {

  /** Stable, unique name in logs, the status list and the timer: {@code feature.what}. */
  String name();

  /** The time between two runs (the feature's config key). */
  Duration period();

  /** False for a sweep that is off by configuration (it gets no timer). */
  default boolean enabled() {
    return true;
  }

  /** The time from the server's start to the first run: one period unless the sweep says. */
  default Duration initialDelay() {
    return period();
  }

  /**
   * How many timers run this sweep on each server, staggered over its period ({@code period × lane
   * / lanes} apart): a sweep that must keep up with a high rate works in several lanes at once.
   * Each lane runs one run at a time; lanes overlap, as servers do.
   */
  default int lanes() {
    return 1;
  }

  /** One batch; the number of items it handled. Runs in a new transaction unless {@link #own}. */
  int runBatch();

  /** A batch of this many items means more may be due: the run goes on. */
  default int batchSize() {
    return Integer.MAX_VALUE;
  }

  /**
   * True when the batch manages its own transactions (work that must not sit in one, such as calls
   * out or statements that may run long): it is then called outside any transaction.
   */
  default boolean own() {
    return false;
  }
}
