package io.waymark.platform.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers claimed items through their channels — each channel's items in one call, channels side
 * by side — and records the results. Runs outside any transaction.
 */
@ApplicationScoped
public class OutboxDispatch {

  private static final System.Logger LOG = System.getLogger(OutboxDispatch.class.getName());

  @Inject OutboxTransactions transactions;

  @Inject OutboxChannels channels;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** The hand-off: claims these new items (when nobody has) and delivers them. */
  public void deliverNow(Collection<Long> ids) {
    try {
      deliver(transactions.claim(ids));
    } catch (RuntimeException e) {
      // the items stay pending (or claimed, until their lease ends): the sweep delivers them
      LOG.log(Level.WARNING, "Outbox hand-off of " + ids.size() + " item(s) failed", e);
    }
  }

  /** Delivers and records claimed items. */
  public void deliver(List<OutboxItem> items) {
    Map<String, List<OutboxItem>> byChannel = new LinkedHashMap<>();
    items.forEach(i -> byChannel.computeIfAbsent(i.channel(), c -> new ArrayList<>()).add(i));
    List<CompletableFuture<Void>> others = new ArrayList<>();
    List<Map.Entry<String, List<OutboxItem>>> groups = List.copyOf(byChannel.entrySet());
    for (var group : groups.subList(Math.min(1, groups.size()), groups.size())) {
      OutboxChannel channel = channels.require(group.getKey());
      others.add(CompletableFuture.runAsync(() -> deliver(channel, group.getValue()), executor));
    }
    if (!groups.isEmpty()) {
      deliver(channels.require(groups.get(0).getKey()), groups.get(0).getValue());
    }
    others.forEach(CompletableFuture::join);
  }

  private void deliver(OutboxChannel channel, List<OutboxItem> items) {
    List<Delivery> results;
    try {
      results = channel.deliver(items);
      if (results.size() != items.size()) {
        throw new IllegalStateException(
            "channel " + channel.name() + " answered " + results.size() + " of " + items.size());
      }
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      results = items.stream().map(i -> Delivery.retry(null, error)).toList();
    }
    List<OutboxTransactions.Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      attempts.add(new OutboxTransactions.Attempt(items.get(i), results.get(i)));
    }
    List<Long> next = transactions.record(channel, attempts);
    if (!next.isEmpty()) {
      // the next items of sequences that waited for these: at once, not at the next sweep
      deliverNow(next);
    }
  }
}
