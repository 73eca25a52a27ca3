package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.http.OutboundHttp;
import io.waymark.platform.http.OutboundRefusedException;
import io.waymark.scenarios.control.WebhookHeaders;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.WebhookDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers webhook elements' calls: one non-persistent timer per server (the dispatch period); each
 * tick claims due calls in batches, POSTs them concurrently ({@code Idempotency-Key: <job id>}, so
 * a receiver can drop the rare repeat after a lost answer) and records the answers.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSweeper {

  private static final System.Logger LOG = System.getLogger(WebhookSweeper.class.getName());

  @Resource TimerService timers;

  @Inject EngineSettings settings;

  @Inject WebhookDeliveries deliveries;

  @Inject OutboundHttp http;

  @Inject WebhookHeaders webhookHeaders;

  @PostConstruct
  void schedule() {
    long period = settings.dispatchPeriod().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("scenario-webhooks", false));
  }

  @Timeout
  void deliver() {
    try {
      List<WebhookDelivery> batch;
      do {
        batch = deliveries.claim();
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
      } while (batch.size() == WebhookDeliveries.BATCH);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Webhook delivery stopped early; claimed calls are due again after their lease",
          e);
    }
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
