package io.waymark.platform.outbox;

import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.secrets.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox for operators: items by channel and state, one item, counts, and retrying dead ones.
 */
@Stateless
public class OutboxItems {

  public static final Set<String> STATES = Set.of("pending", "done", "dead");

  @Inject OutboxStore store;

  @Inject OutboxChannels channels;

  @Inject Clock clock;

  @Inject Outbox outbox;

  /**
   * Newest first below {@code beforeId} (all when null); channel, state and outcome null = any; the
   * payload without the {@code omit} keys, none when null.
   */
  public List<OutboxEntry> page(
      String channel, String state, String outcome, Long beforeId, int limit, List<String> omit) {
    return store.page(channel, state, outcome, beforeId, limit, omit);
  }

  /** One item with its payload, sealed secrets in it shown as the mask. */
  public Optional<OutboxEntry> find(long id) {
    return store
        .find(id)
        .map(
            e ->
                new OutboxEntry(
                    e.id(),
                    e.channel(),
                    e.uniqueKey(),
                    e.sequenceKey(),
                    (JsonObject) masked(e.payload()),
                    e.state(),
                    e.outcome(),
                    e.attempts(),
                    e.dueAt(),
                    e.createdAt(),
                    e.finishedAt(),
                    e.lastStatus(),
                    e.lastError()));
  }

  private static JsonValue masked(JsonValue value) {
    if (value instanceof JsonString s && Secrets.isSealed(s.getString())) {
      return JsonSupport.JSON.createValue(Secrets.MASK);
    }
    if (value instanceof JsonObject o) {
      JsonObjectBuilder b = JsonSupport.JSON.createObjectBuilder();
      o.forEach((k, v) -> b.add(k, masked(v)));
      return b.build();
    }
    if (value instanceof JsonArray a) {
      JsonArrayBuilder b = JsonSupport.JSON.createArrayBuilder();
      a.forEach(v -> b.add(masked(v)));
      return b.build();
    }
    return value;
  }

  public List<OutboxCount> counts() {
    return store.counts(false);
  }

  /** Pending and dead items per channel (without the done ones: cheaper, for metrics). */
  public List<OutboxCount> backlog() {
    return store.counts(true);
  }

  public List<String> channels() {
    return channels.names();
  }

  /**
   * Makes a dead item pending again, due now, its attempts counted afresh (after the cause was
   * fixed); false when the item is not dead, or was dead from the start (never attempted: e.g. a
   * mail whose template failed, which has nothing to send). Delivered right after this transaction
   * commits.
   */
  public boolean retry(long id) {
    boolean revived = store.revive(id, clock.instant());
    if (revived) {
      outbox.handOffAfterCommit(id);
    }
    return revived;
  }
}
