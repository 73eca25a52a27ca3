package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.CallResult;
import io.waymark.externalsync.control.RempClient;
import io.waymark.externalsync.control.RempSettings;
import io.waymark.externalsync.entity.OutboxCall;
import io.waymark.externalsync.entity.SegmentAction;
import io.waymark.platform.outbox.Delivery;
import io.waymark.platform.outbox.OutboxChannel;
import io.waymark.platform.outbox.OutboxCount;
import io.waymark.platform.outbox.OutboxItem;
import io.waymark.platform.outbox.OutboxItems;
import io.waymark.platform.outbox.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The outbox's {@code remp} channel, on when {@code waymark.remp.campaign.url} is set: claimed
 * calls are sent at once, side by side; 2xx is {@code delivered}, 404 {@code ignored} (REMP does
 * not know the segment or user), anything else retried with backoff and {@code dead} after {@code
 * waymark.remp.campaign.max-attempts}. The calls of one user and segment go one after the other.
 */
@ApplicationScoped
public class RempChannel implements OutboxChannel {

  public static final String NAME = "remp";

  private static final System.Logger LOG = System.getLogger(RempChannel.class.getName());
  private static final int SHOWN_FAILURES = 10;

  @Inject RempSettings settings;

  @Inject RempClient client;

  @Inject OutboxItems items;

  @PostConstruct
  void check() {
    if (!settings.enabled()) {
      LOG.log(Level.INFO, "REMP campaign sync is off (waymark.remp.campaign.url is not set)");
      return;
    }
    LOG.log(Level.INFO, "REMP campaign sync is on: {0}", settings.baseUrl());
    client.checkTarget();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }

  @Override
  public RetryPolicy policy() {
    return new RetryPolicy(
        settings.maxAttempts(),
        settings.retryDelay(),
        settings.retryMaxDelay(),
        settings.lease(),
        settings.keep());
  }

  @Override
  public List<Delivery> deliver(List<OutboxItem> calls) {
    List<CompletableFuture<CallResult>> sent =
        calls.stream().map(c -> client.send(call(c))).toList();
    return sent.stream().map(f -> delivery(f.join())).toList();
  }

  private static Delivery delivery(CallResult result) {
    Integer status = result.status() == 0 ? null : result.status();
    if (result.delivered()) {
      return Delivery.done("delivered", status);
    }
    if (result.ignored()) {
      return Delivery.done("ignored", status, result.describe());
    }
    return Delivery.retry(status, result.describe());
  }

  private static OutboxCall call(OutboxItem item) {
    JsonObject p = item.payload();
    return new OutboxCall(
        item.id(),
        p.getJsonNumber("user_id").longValue(),
        p.getString("segment_code"),
        SegmentAction.of(p.getString("action")),
        item.attempts());
  }

  /** Calls still to deliver and calls given up on (the latest few shown), for operators. */
  public SyncStatus status() {
    long pending = 0;
    long dead = 0;
    Instant oldest = null;
    for (OutboxCount c : items.backlog()) {
      if (NAME.equals(c.channel()) && "pending".equals(c.state())) {
        pending = c.items();
        oldest = c.oldestCreatedAt();
      } else if (NAME.equals(c.channel()) && "dead".equals(c.state())) {
        dead = c.items();
      }
    }
    List<SyncStatus.Failure> failures =
        items.page(NAME, "dead", null, null, SHOWN_FAILURES, List.of()).stream()
            .map(
                e ->
                    new SyncStatus.Failure(
                        e.id(),
                        e.payload().getJsonNumber("user_id").longValue(),
                        e.payload().getString("segment_code"),
                        e.payload().getString("action"),
                        e.attempts(),
                        e.lastError(),
                        e.finishedAt()))
            .toList();
    return new SyncStatus(settings.enabled(), pending, oldest, dead, failures);
  }
}
