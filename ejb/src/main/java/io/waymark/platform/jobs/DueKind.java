package io.waymark.platform.jobs;

import java.time.Duration;
import java.util.List;

/**
 * A kind of due work (scenario jobs; later rule delayed actions, charge timeouts, import jobs):
 * where its rows are, how they are retried, and what runs them. {@link DueWork} claims and hands
 * them out; the kind never writes its own claim.
 *
 * <p>Batch-first: {@link #handle} gets a whole claimed batch and answers one {@link Handled} per
 * item, so a kind can send a batch to a queue, or run a batch of statements, in one go.
 */
public interface DueKind {

  /** The kind's name, in logs and metrics. */
  String name();

  DueTable table();

  /** At most this many rows are claimed per statement. */
  int batch();

  /** At most this many rows are claimed and not yet run (the lease still running) at once. */
  int maxInFlight();

  /** How long a claimed row is reserved for its handler. */
  Duration lease();

  /** Attempts (first run included) before a failing row is dead. */
  int maxAttempts();

  /** The wait after the {@code attempts}-th failed attempt. */
  Duration retryAfter(int attempts);

  /**
   * How long one dispatch may go on claiming full batches before it leaves the rest to the next (so
   * a backlog never holds a timer for good).
   */
  Duration budget();

  /** Handles a claimed batch: one outcome per item, in the items' order. */
  List<Handled> handle(List<DueItem> items);
}
