package io.waymark.platform.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outbox items in the caller's transaction: the item exists exactly when the change that
 * caused it commits, and a second item with the same unique key is never written. Right after the
 * commit the new items are handed to {@link OutboxHandoff}, so delivery starts at once; what the
 * hand-off misses (a crash, a full executor) the {@link OutboxSweep} delivers.
 */
@ApplicationScoped
public class Outbox {

  /** The transaction's new item ids, kept in the transaction synchronization registry. */
  private static final Object NEW_ITEMS = Outbox.class.getName() + ".newItems";

  @Inject OutboxStore store;

  @Inject OutboxChannels channels;

  @Inject OutboxHandoff handoff;

  @Inject Clock clock;

  @Resource TransactionSynchronizationRegistry transactions;

  /** The id of an item, and whether this call wrote it. */
  public record Enqueued(long id, boolean created) {}

  /**
   * Queues an item of {@code channel} unless one with {@code uniqueKey} exists (at most 500
   * characters; receivers see it). Items with the same {@code sequenceKey} (null: none) are
   * delivered one after the other, in the order written.
   */
  public Enqueued enqueue(
      String channel, String uniqueKey, String sequenceKey, JsonObject payload) {
    return enqueueAll(channel, List.of(new Item(uniqueKey, sequenceKey, payload, null))).get(0);
  }

  /**
   * Records an item that can never be delivered (e.g. a template failing for its user): {@code
   * dead} at once with the reason, so an operator sees it; the same key records once.
   */
  public Enqueued enqueueDead(String channel, String uniqueKey, JsonObject payload, String reason) {
    return enqueueAll(channel, List.of(new Item(uniqueKey, null, payload, reason))).get(0);
  }

  /**
   * One item of {@link #enqueueAll}: {@code deadReason} null = to deliver, otherwise recorded
   * {@code dead} with it (as {@link #enqueueDead}).
   */
  public record Item(String uniqueKey, String sequenceKey, JsonObject payload, String deadReason) {}

  /**
   * {@link #enqueue} / {@link #enqueueDead} of many items of one channel in one statement (a
   * scenario batch's mails); the results in the same order. Items are written (and numbered) in
   * their order, which a sequence keeps.
   */
  public List<Enqueued> enqueueAll(String channel, List<Item> items) {
    channels.require(channel);
    if (items.isEmpty()) {
      return List.of();
    }
    List<OutboxStore.Inserted> inserted = store.insertAll(channel, items, clock.instant());
    List<Enqueued> enqueued = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      OutboxStore.Inserted item = inserted.get(i);
      if (item.created() && items.get(i).deadReason() == null) {
        handOffAfterCommit(item.id());
      }
      enqueued.add(new Enqueued(item.id(), item.created()));
    }
    return enqueued;
  }

  void handOffAfterCommit(long id) {
    @SuppressWarnings("unchecked")
    List<Long> ids = (List<Long>) transactions.getResource(NEW_ITEMS);
    if (ids == null) {
      List<Long> created = new ArrayList<>();
      transactions.putResource(NEW_ITEMS, created);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                handoff.deliverSoon(created);
              }
            }
          });
      ids = created;
    }
    ids.add(id);
  }
}
