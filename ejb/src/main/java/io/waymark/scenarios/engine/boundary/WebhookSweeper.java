package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.json.JsonSupport;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private HttpClient http;

  @PostConstruct
  void schedule() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.webhookTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long period = settings.dispatchPeriod().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("scenario-webhooks", false));
  }

  @Timeout
  void deliver() {
    try {
      List<WebhookDelivery> batch;
      do {
        batch = deliveries.claim();
        Map<WebhookDelivery, CompletableFuture<HttpResponse<Void>>> calls = new LinkedHashMap<>();
        batch.forEach(d -> calls.put(d, send(d)));
        calls.forEach(
            (delivery, call) -> {
              try {
                int status = call.join().statusCode();
                if (status / 100 == 2) {
                  deliveries.delivered(delivery.id(), status);
                } else {
                  deliveries.notDelivered(delivery, status, "HTTP " + status);
                }
              } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                deliveries.notDelivered(
                    delivery, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
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

  private CompletableFuture<HttpResponse<Void>> send(WebhookDelivery d) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(d.url()))
              .timeout(settings.webhookTimeout())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(d.body()));
      try (var reader = JsonSupport.JSON.createReader(new StringReader(d.headers()))) {
        JsonObject headers = reader.readObject();
        headers.forEach(
            (name, value) -> {
              if (value instanceof JsonString s) {
                request.setHeader(name, s.getString());
              }
            });
      }
      request.setHeader("Idempotency-Key", Long.toString(d.jobId()));
      return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
