package io.waymark.platform.outbox;

import java.util.List;

/**
 * One kind of side effect (a CDI bean per channel): how its items are delivered and retried. The
 * outbox calls {@link #deliver} outside any transaction with items it has claimed, so a channel may
 * take its time (SMTP, HTTP) without holding a lock or a connection.
 */
public interface OutboxChannel {

  /** Stable name stored with every item: {@code mail}, {@code webhook}, {@code remp}, ... */
  String name();

  /** Attempts, backoff, lease and retention of this channel's items. */
  RetryPolicy policy();

  /**
   * False while the channel is off by configuration: its items stay pending, untouched, until it is
   * on again.
   */
  default boolean enabled() {
    return true;
  }

  /**
   * Delivers claimed items; one {@link Delivery} per item, in the items' order. An exception counts
   * as a retry of every item with its message.
   */
  List<Delivery> deliver(List<OutboxItem> items);
}
