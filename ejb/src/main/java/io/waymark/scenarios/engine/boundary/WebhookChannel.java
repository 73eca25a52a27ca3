package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.http.OutboundHttp;
import io.waymark.platform.http.OutboundRefusedException;
import io.waymark.platform.outbox.Delivery;
import io.waymark.platform.outbox.OutboxChannel;
import io.waymark.platform.outbox.OutboxItem;
import io.waymark.platform.outbox.RetryPolicy;
import io.waymark.scenarios.control.WebhookHeaders;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.control.WebhookElement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The outbox's {@code webhook} channel: claimed calls are POSTed at once, side by side, through the
 * outbound guard with {@code Idempotency-Key: <the item's unique key>} (a scenario job's id) and
 * the headers opened just before the call. A 2xx is {@code delivered}; another answer or an error
 * is retried with backoff, {@code dead} after {@code waymark.scenarios.webhook.max-attempts}; a
 * refused target or a header that does not open is dead at once (trying again cannot help).
 */
@ApplicationScoped
public class WebhookChannel implements OutboxChannel {

  public static final String NAME = WebhookElement.CHANNEL;

  @Inject EngineSettings settings;

  @Inject OutboundHttp http;

  @Inject WebhookHeaders webhookHeaders;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RetryPolicy policy() {
    return new RetryPolicy(
        settings.webhookMaxAttempts(),
        settings.webhookRetryDelay(),
        settings.webhookRetryMaxDelay(),
        settings.webhookTimeout().multipliedBy(3),
        settings.webhookKeep());
  }

  @Override
  public List<Delivery> deliver(List<OutboxItem> items) {
    List<CompletableFuture<Integer>> calls = items.stream().map(this::send).toList();
    return calls.stream().map(WebhookChannel::delivery).toList();
  }

  private static Delivery delivery(CompletableFuture<Integer> call) {
    try {
      int status = call.join();
      return status / 100 == 2
          ? Delivery.done("delivered", status)
          : Delivery.retry(status, "HTTP " + status);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      if (cause instanceof OutboundRefusedException || cause instanceof IllegalArgumentException) {
        // the guard or a refused header: trying again cannot help
        return Delivery.dead(null, error);
      }
      return Delivery.retry(null, error);
    }
  }

  private CompletableFuture<Integer> send(OutboxItem item) {
    try {
      JsonObject p = item.payload();
      Map<String, String> headers;
      try {
        headers = webhookHeaders.opened(p.getJsonObject("headers").toString());
      } catch (IllegalStateException e) {
        // a header that does not open (another key, tampered): trying again cannot help
        throw new IllegalArgumentException("a stored header does not open: " + e.getMessage(), e);
      }
      headers.put("Idempotency-Key", item.uniqueKey());
      return http.postJson(
          URI.create(p.getString("url")), headers, p.getString("body"), settings.webhookTimeout());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
