package io.waymark.platform.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** What a {@link DueKind} did with one claimed item (batch-first: one per item, in order). */
public sealed interface Handled {

  /**
   * Passed on (to a queue, or run and recorded by the handler in its own transaction): it stays
   * claimed until whoever runs it records the result, or its lease ends.
   */
  record HandedOff() implements Handled {}

  /** Failed this time: retried with the kind's backoff, or dead once its attempts are spent. */
  record Failed(String reason) implements Handled {}

  /** Cannot succeed, ever: dead at once. */
  record Dead(String reason) implements Handled {}

  Handled HANDED_OFF = new HandedOff();

  static Handled failed(String reason) {
    return new Failed(reason);
  }

  static Handled dead(String reason) {
    return new Dead(reason);
  }

  /**
   * Runs each item by {@code run} (which records its own result, in its own transaction): handed
   * off when it returned, failed with the reason (logged, retried by the dispatcher) when it threw.
   */
  static List<Handled> each(String kind, List<DueItem> items, LongConsumer run) {
    List<Handled> outcomes = new ArrayList<>(items.size());
    for (DueItem item : items) {
      try {
        run.accept(item.id());
        outcomes.add(HANDED_OFF);
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        System.getLogger(Handled.class.getName())
            .log(
                System.Logger.Level.WARNING,
                kind + " item " + item.id() + " failed; it is retried",
                cause);
        outcomes.add(failed(String.valueOf(cause.getMessage())));
      }
    }
    return outcomes;
  }
}
