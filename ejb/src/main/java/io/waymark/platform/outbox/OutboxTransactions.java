package io.waymark.platform.outbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The outbox's transactions around a delivery: claiming items and recording what their channel made
 * of them. Delivery happens between the two, with no lock or connection held.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxTransactions {

  private static final System.Logger LOG = System.getLogger(OutboxTransactions.class.getName());

  @Inject OutboxStore store;

  @Inject OutboxChannels channels;

  @Inject OutboxSettings settings;

  @Inject Clock clock;

  /** The oldest due items of the channels that are on. */
  public List<OutboxItem> claimDue() {
    return store.claim(channels.leasesOfEnabled(), clock.instant(), settings.batch(), null);
  }

  /** These items, when still due (another server or the sweep may have them already). */
  public List<OutboxItem> claim(Collection<Long> ids) {
    return store.claim(channels.leasesOfEnabled(), clock.instant(), ids.size(), ids);
  }

  /** One attempt's result. */
  public record Attempt(OutboxItem item, Delivery delivery) {}

  /**
   * Records the results of one channel's deliveries; returns the items that became due by it: the
   * next of each sequence whose item finished (it waited for that one), to deliver at once.
   */
  public List<Long> record(OutboxChannel channel, List<Attempt> attempts) {
    Instant now = clock.instant();
    List<Long> next = new ArrayList<>();
    RetryPolicy policy = channel.policy();
    int dead = 0;
    String example = null;
    List<OutboxStore.Finished> finished = new ArrayList<>();
    List<OutboxItem> sequenced = new ArrayList<>();
    for (Attempt attempt : attempts) {
      OutboxItem item = attempt.item();
      Delivery d = attempt.delivery();
      boolean gaveUp =
          d.result() == Delivery.Result.DEAD
              || (d.result() == Delivery.Result.RETRY && item.attempts() >= policy.maxAttempts());
      if (d.result() == Delivery.Result.RETRY && !gaveUp) {
        store.retryAt(
            item.id(), now.plus(policy.retryAfter(item.attempts())), d.status(), d.error());
        continue;
      }
      if (gaveUp) {
        dead++;
        example = "item " + item.id() + ": " + d.error();
      }
      finished.add(
          new OutboxStore.Finished(
              item.id(),
              gaveUp ? "dead" : "done",
              gaveUp ? null : d.outcome(),
              d.status(),
              d.error()));
      if (item.sequenceKey() != null) {
        sequenced.add(item);
      }
    }
    // one statement for the batch; then the next of each sequence (no longer the finished one)
    store.finishAll(finished, now);
    for (OutboxItem item : sequenced) {
      store.nextInSequence(item.channel(), item.sequenceKey()).ifPresent(next::add);
    }
    if (dead > 0) {
      // one line per batch (a receiver that is down fails whole batches); each item keeps its own
      // last_error
      LOG.log(
          Level.WARNING,
          "Outbox channel {0} gave up on {1} item(s), e.g. {2}",
          channel.name(),
          dead,
          example);
    }
    return next;
  }

  /** Forgets finished items past their channel's retention, a batch per channel. */
  public int purge() {
    Instant now = clock.instant();
    int purged = 0;
    for (String name : channels.names()) {
      OutboxChannel channel = channels.require(name);
      purged += store.purge(name, now.minus(channel.policy().keep()), settings.purgeBatch());
    }
    return purged;
  }
}
