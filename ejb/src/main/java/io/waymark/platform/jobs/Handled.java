package io.waymark.platform.jobs;

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
}
