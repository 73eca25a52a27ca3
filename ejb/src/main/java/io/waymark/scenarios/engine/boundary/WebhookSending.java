package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.http.OutboundHttp;
import io.waymark.platform.http.OutboundRefusedException;
import io.waymark.platform.sweep.Sweep;
import io.waymark.scenarios.control.WebhookHeaders;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers scenario webhooks every {@code waymark.scenarios.dispatch-period}: each batch claims due
 * calls (SKIP LOCKED), POSTs them at once through the outbound guard with {@code Idempotency-Key:
 * <job id>} and the headers opened just before the call, and records the answers (a 2xx delivered,
 * another answer or error retried with backoff, a refused target or header failed at once); a run
 * goes on while batches come back full.
 */
@ApplicationScoped
public class WebhookSending implements Sweep {

  @Inject EngineSettings settings;

  @Inject WebhookDeliveries deliveries;

  @Inject OutboundHttp http;

  @Inject WebhookHeaders webhookHeaders;

  @Override
  public String name() {
    return "scenarios.webhooks";
  }

  @Override
  public Duration period() {
    return settings.dispatchPeriod();
  }

  @Override
  public int batchSize() {
    return WebhookDeliveries.BATCH;
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    List<WebhookDelivery> batch = deliveries.claim();
    Map<WebhookDelivery, CompletableFuture<Integer>> calls = new LinkedHashMap<>();
    batch.forEach(d -> calls.put(d, send(d)));
    calls.forEach(
        (delivery, call) -> {
          try {
            int status = call.join();
            if (status / 100 == 2) {
              deliveries.delivered(delivery.id(), status);
            } else {
              deliveries.notDelivered(delivery, status, "HTTP " + status);
            }
          } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            if (cause instanceof OutboundRefusedException
                || cause instanceof IllegalArgumentException) {
              // the guard or a refused header: trying again cannot help
              deliveries.refused(delivery, error);
            } else {
              deliveries.notDelivered(delivery, null, error);
            }
          }
        });
    return batch.size();
  }

  private CompletableFuture<Integer> send(WebhookDelivery d) {
    try {
      Map<String, String> headers;
      try {
        headers = webhookHeaders.opened(d.headers());
      } catch (IllegalStateException e) {
        // a header that does not open (another key, tampered): trying again cannot help
        throw new IllegalArgumentException("a stored header does not open: " + e.getMessage(), e);
      }
      headers.put("Idempotency-Key", Long.toString(d.jobId()));
      return http.postJson(URI.create(d.url()), headers, d.body(), settings.webhookTimeout());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
