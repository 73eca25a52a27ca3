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
    channels.require(channel);
    OutboxStore.Inserted item =
        store.insert(channel, uniqueKey, sequenceKey, payload, clock.instant(), null);
    if (item.created()) {
      handOffAfterCommit(item.id());
    }
    return new Enqueued(item.id(), item.created());
  }

  /**
   * Records an item that can never be delivered (e.g. a template failing for its user): {@code
   * dead} at once with the reason, so an operator sees it; the same key records once.
   */
  public Enqueued enqueueDead(String channel, String uniqueKey, JsonObject payload, String reason) {
    channels.require(channel);
    OutboxStore.Inserted item =
        store.insert(channel, uniqueKey, null, payload, clock.instant(), reason);
    return new Enqueued(item.id(), item.created());
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
